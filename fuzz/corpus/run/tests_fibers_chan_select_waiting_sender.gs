# select takes the value of a sender blocked on an unbuffered channel, and wakes the sender.
let a = chan()
let b = chan()
spawn { b.send("b1"); print("b sender resumed") }
yield
print(select([a, b]))
yield
# expect: [1, "b1"]
# expect: b sender resumed
