# Cancelling a fiber runs its finally blocks; the cleanup may still wait.
let f = spawn {
  try {
    sleep(10)
  } finally {
    print("cleanup")
    sleep(0.01)
    print("cleanup waited")
  }
}
yield
f.cancel()
try { f.join() } catch e { print(e.kind) }
# expect: cleanup
# expect: cleanup waited
# expect: cancelled
