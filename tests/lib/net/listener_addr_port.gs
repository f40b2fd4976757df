# A listener on port 0 reports the port the system chose, as an int and in addr.
let srv = net.listen("127.0.0.1:0")
print(type(srv.port), srv.port > 0)
print(srv.addr == "127.0.0.1:" + str(srv.port))
let c = net.connect(srv.addr)
let s = srv.accept()
print(c.remote_addr == srv.addr, s.local_addr == srv.addr, s.remote_addr == c.local_addr)
srv.close()
# expect: int true
# expect: true
# expect: true true true
