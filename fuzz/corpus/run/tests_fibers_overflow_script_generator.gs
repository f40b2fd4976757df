# Deep script recursion in a generator: `stack overflow`, caught inside, or propagated out of resume.
fn deep(n) { return deep(n + 1) + 1 }
let g = fiber(fn() {
  try { deep(0) } catch e { yield "inside: " + e.message }
  deep(0)
})
print(g.resume())
try { g.resume() } catch e { print("resumer:", e.message) }
print(g.done())
# expect: inside: stack overflow
# expect: resumer: stack overflow
# expect: true
