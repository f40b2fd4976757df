# A generator may block on a channel; its resumer waits while the sender runs.
# (An unbuffered send to a waiting receiver hands the value over without blocking;
# a send with no receiver waiting blocks until the receiver takes it.)
let ch = chan()
let g = fiber(fn() {
  while true {
    let v = ch.recv()
    if v == nil { return "closed" }
    yield v * 10
  }
})
spawn {
  for i in 1..4 { print("send", i); ch.send(i) }
  ch.close()
}
for v in g { print("got", v) }
print(g.done())
# expect: send 1
# expect: send 2
# expect: got 10
# expect: got 20
# expect: send 3
# expect: got 30
# expect: true
