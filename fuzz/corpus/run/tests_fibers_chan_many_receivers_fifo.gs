# Blocked receivers are served in the order they blocked.
let ch = chan()
for name in ["r1", "r2", "r3"] {
  spawn { print(name, "got", ch.recv()) }
}
yield
ch.send(1)
ch.send(2)
ch.send(3)
# expect: r1 got 1
# expect: r2 got 2
# expect: r3 got 3
