# A select that timed out leaves no waiter: a later send on the channel waits for a real receiver.
let a = chan()
print(select([a], 0.01))
spawn {
  a.send(1)
  print("sent")
}
sleep(0.03)
print("before recv")
print(a.recv())
yield
# expect: nil
# expect: before recv
# expect: 1
# expect: sent
