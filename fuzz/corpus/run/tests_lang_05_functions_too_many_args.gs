# Calling with too many arguments raises.
fn add(a, b) { return a + b }
try {
  add(1, 2, 3)
} catch e {
  print(e.message)
}
# expect: add() expects 2 arguments, got 3
