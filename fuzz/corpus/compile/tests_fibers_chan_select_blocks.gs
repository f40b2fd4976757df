# select blocks until one of the channels gets a value, then reports that one.
let a = chan()
let b = chan()
spawn {
  sleep(0.01)
  b.send("first, on b")
  a.send("second, on a")
}
print(select([a, b]))
print(select([a, b]))
# expect: [1, "first, on b"]
# expect: [0, "second, on a"]
