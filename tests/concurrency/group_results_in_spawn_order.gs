# group(fn) returns, once fn and every child have finished, the children's results in spawn order.
let r = group(fn(g) {
  for i in 0..4 { g.spawn(fn(x) { sleep(0.005 * (4 - x)); return x * 10 }, i) }
  print("body done")
})
print(r)
print(group(fn(g) {}))
# expect: body done
# expect: [0, 10, 20, 30]
# expect: []
