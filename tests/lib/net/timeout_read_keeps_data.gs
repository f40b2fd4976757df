# timeout() and set_timeout end a read with kind "timeout"; the connection stays usable and nothing is lost.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
try { timeout(0.02, fn() { return c.read_line() }) } catch e { print(e.kind, e.message) }
c.set_timeout(0.02)
try { c.read() } catch e { print(e.kind) }
s.write("par")
try { c.read_line() } catch e { print(e.kind) }
c.set_timeout(nil)
s.write("tial\n")
print(c.read_line())
# expect: timeout timed out after 0.02 s
# expect: timeout
# expect: timeout
# expect: partial
