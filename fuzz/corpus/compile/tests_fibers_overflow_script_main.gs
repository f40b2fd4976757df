# Deep script recursion in the main fiber raises a catchable `stack overflow`.
fn deep(n) { return deep(n + 1) + 1 }
try {
  deep(0)
} catch e {
  print(e.message)
}
print("still alive")
# expect: stack overflow
# expect: still alive
