# `for v in ch` receives until the channel is closed (and drained).
let ch = chan()
spawn {
  for w in ["x", "y", "z"] { ch.send(w) }
  ch.close()
  print("producer closed")
}
let n = 0
for v in ch {
  print("got", v)
  n += 1
}
print("loop ended after", n)
# expect: got x
# expect: got y
# expect: producer closed
# expect: got z
# expect: loop ended after 3
