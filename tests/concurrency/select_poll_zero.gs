# select(chans, 0) never blocks: nil when nothing is ready, else the ready value.
let a = chan(1)
print(select([a], 0))
a.send("x")
print(select([a], 0))
let u = chan()
spawn { u.send("y") }
print(select([u], 0))
yield
print(select([u], 0))
# expect: nil
# expect: [0, "x"]
# expect: nil
# expect: [0, "y"]
