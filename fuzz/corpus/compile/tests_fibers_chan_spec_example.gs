# The channel example of LANGUAGE.md §8, verbatim.
let ch = chan()        # unbuffered; chan(16) has a buffer of 16
spawn { for i in 0..3 { ch.send(i) }; ch.close() }
for v in ch { print(v) }
# expect: 0
# expect: 1
# expect: 2
