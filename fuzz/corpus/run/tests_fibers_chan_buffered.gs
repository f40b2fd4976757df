# A buffered channel accepts sends without blocking until the buffer is full.
# (Taking a value from a full buffer moves a blocked sender's value into it and
# makes the sender ready; the receiver goes on until the channel is empty.)
let ch = chan(3)
let f = spawn {
  for i in 0..5 {
    ch.send(i)
    print("sent", i)
  }
  ch.close()
}
yield
print("main: buffer full")
for v in ch { print("recv", v) }
# expect: sent 0
# expect: sent 1
# expect: sent 2
# expect: main: buffer full
# expect: recv 0
# expect: recv 1
# expect: recv 2
# expect: recv 3
# expect: sent 3
# expect: sent 4
# expect: recv 4
