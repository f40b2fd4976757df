# A timeout is raised once: if fn catches it and goes on, later waits work and timeout returns fn's result.
let r = timeout(0.01, fn() {
  try { sleep(1) } catch e { print("caught", e.kind) }
  sleep(0.02)
  return "finished"
})
print(r)
# expect: caught timeout
# expect: finished
