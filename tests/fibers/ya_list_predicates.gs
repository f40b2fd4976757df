# Yield anywhere: find, any and all callbacks may yield; the generator resumes inside them.
let g = fiber(fn(xs) {
  let f = xs.find(fn(x) { return yield x })
  let a = xs.any(fn(x) { return yield x })
  let b = xs.all(fn(x) { return yield x })
  return [f, a, b]
})
print(g.resume([1, 2, 3]))
print(g.resume(false))
print(g.resume(true))
print(g.resume(true))
print(g.resume(true))
print(g.resume(false))
# expect: 1
# expect: 2
# expect: 1
# expect: 1
# expect: 2
# expect: [2, true, false]
