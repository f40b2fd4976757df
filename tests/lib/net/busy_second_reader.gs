# A second fiber reading a connection another fiber is blocked reading raises
# kind "busy", naming the operation and the address.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let first = spawn c.read()
sleep(0.01)
try { c.read() } catch e { print(e.kind, e.message == "read ${s.local_addr}: another fiber is already reading") }
try { c.read_line() } catch e { print(e.message == "read_line ${s.local_addr}: another fiber is already reading") }
s.write("ok")
print(first.join())
# expect: busy true
# expect: true
# expect: ok
