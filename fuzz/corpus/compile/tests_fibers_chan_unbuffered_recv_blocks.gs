# recv blocks until a value arrives; a send to a waiting receiver does not block the sender.
let ch = chan()
spawn {
  print("receiver: waiting")
  print("receiver: got", ch.recv())
}
yield
print("main: sending")
ch.send(1)
print("main: sent")
yield
print("main: end")
# expect: receiver: waiting
# expect: main: sending
# expect: main: sent
# expect: receiver: got 1
# expect: main: end
