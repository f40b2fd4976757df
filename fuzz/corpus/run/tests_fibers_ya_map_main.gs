# Yield anywhere: the main fiber itself yields inside a map callback and other fibers run.
spawn { print("other 1"); yield; print("other 2") }
let r = [1, 2].map(fn(x) {
  print("main map", x)
  yield
  return x + 1
})
print(r)
# expect: main map 1
# expect: other 1
# expect: main map 2
# expect: other 2
# expect: [2, 3]
