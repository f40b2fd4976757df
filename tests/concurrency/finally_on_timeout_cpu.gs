# A timeout that stops a CPU loop also runs the finally blocks around it.
try {
  timeout(0.02, fn() {
    try { while true {} } finally { print("released") }
  })
} catch e { print(e.kind) }
# expect: released
# expect: timeout
