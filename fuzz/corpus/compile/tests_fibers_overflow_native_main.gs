# Recursion through native re-entry (map callback calling back into itself) raises a catchable `stack overflow`.
# slow
# (the main fiber has an 8 MB C stack: thousands of nested re-entries)
fn f(n) { return [n].map(fn(x) => f(x + 1)) }
try {
  f(0)
} catch e {
  print(e.message)
}
print("still alive")
# expect: stack overflow
# expect: still alive
