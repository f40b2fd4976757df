# read_line accepts a line of exactly 1 MiB (without its "\n" or "\r\n");
# one byte more raises kind io ("line too long") naming the address, leaves
# the bytes in place and the connection usable.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let mib = 1048576
spawn {
  s.write("a".repeat(mib) + "\n")
  s.write("c".repeat(mib) + "\r\n")
  s.write("b".repeat(mib + 1) + "\n")
  s.write("ok\n")
  s.close()
}
let a = c.read_line()
print(a.len(), a[0], a[mib - 1])
let cr = c.read_line()
print(cr.len(), cr[mib - 1])
try { c.read_line() } catch e { print(e.kind, e.message == "read_line ${s.local_addr}: line too long") }
let rest = c.read_exactly(mib + 2)
print(rest.len(), rest[mib], rest[mib + 1] == "\n")
print(c.read_line(), c.read_line())
# expect: 1048576 a a
# expect: 1048576 c
# expect: io true
# expect: 1048578 b true
# expect: ok nil
