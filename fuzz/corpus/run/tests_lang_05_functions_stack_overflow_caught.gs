# Unbounded recursion raises a catchable "stack overflow".
fn down(n) { return down(n + 1) + 1 }
try {
  down(0)
} catch e {
  print(e.message.contains("stack overflow"))
}
print("still alive")
# expect: true
# expect: still alive
