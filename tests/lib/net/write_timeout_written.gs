# A write that times out (the peer does not read) says how much was sent in e.written.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
c.set_timeout(0.05)
let data = "x".repeat(64 << 20)
try { c.write(data) } catch e {
  print(e.kind, e.written > 0, e.written < len(data))
}
# expect: timeout true true
