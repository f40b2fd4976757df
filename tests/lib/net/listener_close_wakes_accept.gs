# Closing a listener wakes a fiber blocked in accept() with kind "closed"; close is idempotent.
let srv = net.listen("127.0.0.1:0")
let f = spawn {
  try { srv.accept() } catch e { return e.kind }
}
sleep(0.02)
srv.close()
srv.close()
print(f.join())
try { srv.accept() } catch e { print(e.kind) }
# expect: closed
# expect: closed
