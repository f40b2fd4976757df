# Deep script recursion in a spawned fiber raises a catchable `stack overflow` there.
fn deep(n) { return deep(n + 1) + 1 }
let f = spawn {
  try { deep(0) } catch e { return "caught " + e.message }
}
print(f.join())
# expect: caught stack overflow
