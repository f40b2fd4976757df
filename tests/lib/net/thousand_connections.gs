# 1000 concurrent connections to one echo server: every byte comes back, in order, on its own connection.
# (run by thousand_connections.sh, which raises the descriptor limit)
# skip: helper for thousand_connections.sh
let srv = net.listen("127.0.0.1:0", {"backlog": 1024})
spawn {
  for conn in srv {
    spawn {
      while true {
        let d = conn.read()
        if d == nil { break }
        conn.write(d)
      }
      conn.close()
    }
  }
}
fn client(i) {
  let c = net.connect(srv.addr, {"timeout": 10})
  let msg = "${i}:" + "abcdefghij".repeat(i % 50 + 1) + "\n"
  c.write(msg)
  let back = c.read_exactly(len(msg))
  c.close_write()
  let rest = c.read()
  c.close()
  return back == msg and rest == nil
}
let n = 1000
let ok = group(fn(g) {
  for i in 0..n { g.spawn(client, i) }
})
let good = 0
for r in ok { if r { good += 1 } }
print("${good} of ${n} connections echoed every byte")
srv.close()
