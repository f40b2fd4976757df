# A child's error also cancels fn's body while it is still running; the child's error is the one raised.
try {
  group(fn(g) {
    g.spawn(fn() { error("child first") })
    try { sleep(5) } catch e { print("body got", e.kind); throw e }
  })
} catch e { print(e.message) }
# expect: body got cancelled
# expect: child first
