# Cancelling is one-shot: once raised, later wait points work, so cleanup can still wait.
let f = spawn {
  try { sleep(10) } catch e { print("caught", e.kind) }
  sleep(0.01)
  return "cleaned up"
}
yield
f.cancel()
print(f.join())
# expect: caught cancelled
# expect: cleaned up
