# Later errors are dropped and never reported as "error in fiber"; the exit status stays 0 once the first is caught.
try {
  group(fn(g) {
    g.spawn(fn() { error("first") })
    g.spawn(fn() { try { sleep(5) } finally { error("second, while cancelled") } })
  })
} catch e { print(e.message) }
print("end")
# expect: first
# expect: end
# expect exit: 0
