# A second fiber accepting on a listener another fiber is blocked accepting on raises kind "busy".
let srv = net.listen("127.0.0.1:0")
let first = spawn { try { srv.accept() } catch e { return e.kind } }
sleep(0.01)
try { srv.accept() } catch e { print(e.kind) }
srv.close()
print(first.join())
# expect: busy
# expect: closed
