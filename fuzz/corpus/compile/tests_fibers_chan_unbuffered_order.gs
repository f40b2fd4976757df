# Values arrive in the order they were sent; a ping-pong over two unbuffered channels.
let ping = chan()
let pong = chan()
spawn {
  for v in ping { pong.send(v + 1) }
  pong.close()
}
for i in 0..3 {
  ping.send(i * 10)
  print("pong", pong.recv())
}
ping.close()
print(pong.recv())
# expect: pong 1
# expect: pong 11
# expect: pong 21
# expect: nil
