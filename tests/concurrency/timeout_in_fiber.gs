# Timeouts work inside spawned fibers, each with its own deadline.
let f = spawn {
  try { timeout(0.01, fn() { chan().recv() }) } catch e { return e.message }
}
let g = spawn { return timeout(1, fn() { sleep(0.02); return "ok" }) }
print(f.join(), g.join())
# expect: timed out after 0.01 s ok
