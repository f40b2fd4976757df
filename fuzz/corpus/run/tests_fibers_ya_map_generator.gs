# Yield anywhere: a generator yields from inside a list.map callback (a native frame in between).
let g = fiber(fn(xs) {
  return xs.map(fn(x) {
    let answer = yield x
    return "${x}:${answer}"
  })
})
print(g.resume([1, 2, 3]))
print(g.resume("a"))
print(g.resume("b"))
print(g.resume("c"))
print(g.done())
# expect: 1
# expect: 2
# expect: 3
# expect: ["1:a", "2:b", "3:c"]
# expect: true
