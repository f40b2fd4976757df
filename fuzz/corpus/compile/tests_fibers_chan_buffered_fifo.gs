# A buffered channel is FIFO, including the values of senders that waited for room.
let ch = chan(2)
ch.send("a")
ch.send("b")
spawn { ch.send("c") }
spawn { ch.send("d") }
yield
let got = []
for i in 0..4 { got.push(ch.recv()) }
print(got)
# expect: ["a", "b", "c", "d"]
