# A peer that closes with unread data resets the connection: the blocked reader raises kind "reset".
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
c.write("data the server never reads\n")
sleep(0.02)
let r = spawn {
  try { c.read() } catch e { return e.kind }
}
sleep(0.02)
s.close()
print(r.join())
# expect: reset
