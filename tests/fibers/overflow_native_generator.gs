# Recursion through native re-entry in a generator: `stack overflow`, caught inside or by the resumer.
# slow
# (a fiber's C stack grows to the main fiber's: thousands of nested re-entries)
fn f(n) { return [n].map(fn(x) => f(x + 1)) }
let g = fiber(fn() {
  try { f(0) } catch e { yield "inside: " + e.message }
  f(0)
})
print(g.resume())
try { g.resume() } catch e { print("resumer:", e.message) }
# expect: inside: stack overflow
# expect: resumer: stack overflow
