# A listener accepts in a for loop; each connection echoes its lines (IO.md's example).
let srv = net.listen("127.0.0.1:0")
spawn {
  for conn in srv {
    spawn {
      for line in conn.lines() { conn.write("echo: ${line}\n") }
      conn.close()
    }
  }
}
let c = net.connect(srv.addr, {"timeout": 2})
c.write("hi\n")
print(c.read_line())
c.write("two\r\nthree")
print(c.read_line())
c.close_write()
print(c.read_line())
print(c.read_line())
c.close()
srv.close()
# expect: echo: hi
# expect: echo: two
# expect: echo: three
# expect: nil
