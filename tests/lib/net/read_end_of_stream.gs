# End of stream is nil from read and read_line, not an error.
let srv = net.listen("127.0.0.1:0")
spawn {
  let s = srv.accept()
  s.write("last")
  s.close()
}
let c = net.connect(srv.addr)
print(c.read_line())
print(c.read_line())
print(c.read())
# expect: last
# expect: nil
# expect: nil
