# After a select is woken by one channel, a later send on the other channel is not delivered to it.
let a = chan()
let b = chan()
spawn {
  a.send("A")
  b.send("B")
  print("sender done")
}
print(select([a, b]))
print(b.recv())
# expect: [0, "A"]
# expect: B
# expect: sender done
