# A fiber blocked on a channel is not a deadlock while a sleeping fiber can still wake it.
let ch = chan()
spawn { sleep(0.05); ch.send("woke you") }
print(ch.recv())
# expect: woke you
