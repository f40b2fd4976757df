# `yield` takes the whole expression to its right: `x = yield a + b` yields a + b.
let g = fiber(fn(a, b) {
  let x = yield a + b
  let y = yield x and false or "alt"
  return [x, y]
})
print(g.resume(2, 3))
print(g.resume(10))
print(g.resume(20))
# expect: 5
# expect: alt
# expect: [10, 20]
