# Connecting to a port nobody listens on raises kind "refused", naming the operation and the address.
let srv = net.listen("127.0.0.1:0")
let addr = srv.addr
srv.close()
try {
  net.connect(addr)
} catch e {
  print(e.kind, e.errno > 0)
  print(e.message == "connect ${addr}: connection refused")
}
# expect: refused true
# expect: true
