# read_exactly(n) returns n bytes across reads, and raises kind "closed" with e.partial when the stream ends first; read_line and read_exactly share one buffer.
let srv = net.listen("127.0.0.1:0")
spawn {
  let s = srv.accept()
  s.write("head\nabc")
  sleep(0.01)
  s.write("defgh")
  s.close()
}
let c = net.connect(srv.addr)
print(c.read_line())
print(c.read_exactly(6))
try { c.read_exactly(10) } catch e { print(e.kind, e.partial) }
print(c.read())
# expect: head
# expect: abcdef
# expect: closed gh
# expect: nil
