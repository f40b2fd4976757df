# select(chans, secs) returns nil when no channel is ready before the time passes.
let a = chan()
let b = chan()
print(select([a, b], 0.02))
spawn { b.send(7) }
print(select([a, b], 1))
# expect: nil
# expect: [1, 7]
