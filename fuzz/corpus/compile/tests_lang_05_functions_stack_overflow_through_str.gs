# Recursion through str() called by print overflows safely too.
class Loop {
  fn str() { return str(self) }
}
try {
  print(Loop())
} catch e {
  print(e.message.contains("stack overflow"))
}
print("still alive")
# expect: true
# expect: still alive
