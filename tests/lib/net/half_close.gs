# close_write: the peer reads end of stream, and the writer can still read the reply.
let srv = net.listen("127.0.0.1:0")
spawn {
  let s = srv.accept()
  let got = ""
  while true {
    let d = s.read()
    if d == nil { break }
    got += d
  }
  s.write("you sent ${len(got)} bytes")
  s.close()
}
let c = net.connect(srv.addr)
c.write("x".repeat(100000))
c.close_write()
print(c.read_line())
# expect: you sent 100000 bytes
