# Many fibers recurse through map callbacks and yield at every level; each one hits and catches its own overflow.
# slow
# (a fiber's C stack grows to the main fiber's: thousands of nested re-entries)
fn f(n) {
  yield
  return [n].map(fn(x) => f(x + 1))
}
let fs = []
for i in 0..8 {
  fs.push(spawn {
    try { f(0) } catch e { return e.message }
  })
}
print(fs.map(fn(x) => x.join()))
# expect: ["stack overflow", "stack overflow", "stack overflow", "stack overflow", "stack overflow", "stack overflow", "stack overflow", "stack overflow"]
