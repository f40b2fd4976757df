# Cancelling a fiber blocked at a wait point wakes it: the wait raises kind "cancelled", and join raises it too.
let f = spawn {
  try { sleep(10) } catch e { print("inside:", e.message, e.kind); throw e }
}
yield
f.cancel()
try { f.join() } catch e { print("join:", e.kind) }
# expect: inside: cancelled cancelled
# expect: join: cancelled
