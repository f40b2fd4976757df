# `yield v` in a scheduled fiber (no resumer) only reschedules; the value is dropped.
let f = spawn {
  let r = yield 1 + 2
  print("r =", r)
  return "end"
}
yield
print(f.join())
# expect: r = nil
# expect: end
