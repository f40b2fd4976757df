# Any other error a generator raises while closing comes out of close().
let g = fiber(fn() {
  try { yield 1 } finally { error("cleanup failed") }
})
g.resume()
try { g.close() } catch e { print(e.message) }
print(g.done())
# expect: cleanup failed
# expect: true
