# A timeout runs the finally blocks inside fn, then raises out of timeout.
try {
  timeout(0.02, fn() {
    try { chan().recv() } finally { print("released") }
  })
} catch e { print(e.kind) }
# expect: released
# expect: timeout
