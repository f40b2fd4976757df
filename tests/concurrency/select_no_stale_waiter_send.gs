# A select that returned leaves no waiter behind: a later unbuffered send on a channel it did not pick blocks until someone receives.
let a = chan()
let b = chan()
spawn { a.send(1) }
print(select([a, b]))
spawn {
  b.send(2)
  print("sent")
}
sleep(0.05)
print("nobody received yet")
print(b.recv())
sleep(0.01)
# expect: [0, 1]
# expect: nobody received yet
# expect: 2
# expect: sent
