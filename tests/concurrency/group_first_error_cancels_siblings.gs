# If a child raises, the other children are cancelled, group waits for them, then raises that first error.
try {
  group(fn(g) {
    g.spawn(fn() { sleep(0.01); error("child failed") })
    g.spawn(fn() {
      try { sleep(5) } finally { sleep(0.001); print("sibling cleaned up") }
    })
  })
} catch e { print("group raised:", e.message) }
# expect: sibling cleaned up
# expect: group raised: child failed
