# A recv interrupted by cancellation took nothing: a later send goes to the next receiver.
let ch = chan()
let f = spawn { ch.recv() }
yield
f.cancel()
yield
spawn { ch.send("v") }
print(ch.recv())
# expect: v
