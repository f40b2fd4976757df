# A timeout around group cancels its children and raises the timeout once they stopped.
try {
  timeout(0.02, fn() {
    group(fn(g) { g.spawn(fn() { try { sleep(5) } finally { print("child stopped") } }) })
  })
} catch e { print(e.kind) }
# expect: child stopped
# expect: timeout
