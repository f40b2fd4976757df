# A second fiber reading a connection another fiber is blocked reading raises kind "busy".
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let first = spawn c.read()
sleep(0.01)
try { c.read() } catch e { print(e.kind) }
s.write("ok")
print(first.join())
# expect: busy
# expect: ok
