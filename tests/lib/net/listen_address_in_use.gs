# Listening on a port that is taken raises kind "address_in_use".
let srv = net.listen("127.0.0.1:0")
try {
  net.listen(srv.addr)
} catch e {
  print(e.kind)
  print(e.message == "listen ${srv.addr}: address already in use")
}
# expect: address_in_use
# expect: true
