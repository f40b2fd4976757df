# Recursion through a native callback (list.map) overflows safely too.
fn r(n) { return [n].map(fn(x) => r(x + 1)) }
try {
  r(0)
} catch e {
  print(e.message.contains("stack overflow"))
}
print("still alive")
# expect: true
# expect: still alive
# slow
