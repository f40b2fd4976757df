# A deadlock stops the program: it is not an error a `try` can catch.
try {
  chan().recv()
} catch e {
  print("caught", e)
}
print("not reached")
# expect no output
# expect error: deadlock: 1 fiber blocked
# expect exit: 1
