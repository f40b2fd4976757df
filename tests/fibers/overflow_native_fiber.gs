# Recursion through native re-entry in a spawned fiber raises a catchable `stack overflow`.
# slow
# (a fiber's C stack grows to the main fiber's: thousands of nested re-entries)
fn f(n) { return [n].map(fn(x) => f(x + 1)) }
let fb = spawn {
  try { f(0) } catch e { return "caught " + e.message }
}
print(fb.join())
# expect: caught stack overflow
