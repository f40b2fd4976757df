# close() from another fiber wakes a reader blocked on the connection with kind "closed"; close is idempotent.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let r = spawn { try { c.read() } catch e { return e.kind } }
sleep(0.01)
c.close()
c.close()
print(r.join())
try { c.write("x") } catch e { print(e.kind) }
# expect: closed
# expect: closed
