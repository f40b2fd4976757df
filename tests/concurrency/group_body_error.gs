# If fn itself raises, the children are cancelled and that error comes out of group.
try {
  group(fn(g) {
    g.spawn(fn() { try { sleep(5) } finally { print("child cancelled") } })
    yield
    error("body failed")
  })
} catch e { print(e.message) }
# expect: child cancelled
# expect: body failed
