# The cancelled error a generator ends with is not raised out of close(), even when the generator catches and rethrows it.
let g = fiber(fn() {
  try { yield 1 } catch e { print("saw", e.kind); throw e }
})
g.resume()
g.close()
print("closed quietly")
# expect: saw cancelled
# expect: closed quietly
