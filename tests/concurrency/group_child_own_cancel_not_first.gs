# A child's own cancelled error is not "first": the group goes on and that child's result is nil.
let r = group(fn(g) {
  let a = g.spawn(fn() { sleep(5) })
  g.spawn(fn() { sleep(0.01); return "b" })
  yield
  a.cancel()
})
print(r)
# expect: [nil, "b"]
