# A second fiber accepting on a listener another fiber is blocked accepting on
# raises kind "busy", naming the operation and the address.
let srv = net.listen("127.0.0.1:0")
let first = spawn { try { srv.accept() } catch e { return e.kind } }
sleep(0.01)
try { srv.accept() } catch e { print(e.kind, e.message == "accept ${srv.addr}: another fiber is already accepting") }
srv.close()
print(first.join())
# expect: busy true
# expect: closed
