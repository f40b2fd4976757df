# Yield anywhere: a reduce callback yields the running total and adds what the resumer sends back.
let g = fiber(fn() {
  return [1, 2, 3].reduce(fn(acc, x) {
    let extra = yield acc
    return acc + x + extra
  }, 0)
})
print(g.resume())
print(g.resume(100))
print(g.resume(1000))
print(g.resume(10000))
# expect: 0
# expect: 101
# expect: 1103
# expect: 11106
