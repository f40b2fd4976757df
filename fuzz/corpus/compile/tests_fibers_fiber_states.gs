# The STATE part of <fiber ID STATE> changes as a generator runs and finishes.
let g = fiber(fn() { yield 1 })
let before = str(g)
g.resume()
let suspended = str(g)
g.resume()
let after = str(g)
print(before != after, suspended != after)
print(after.starts_with("<fiber 1 "))
# expect: true true
# expect: true
