# echo_server.gs — a TCP echo server and its clients in one script.
#
# The server accepts in one fiber and serves every connection in a fiber of
# its own; each read or write parks only its fiber. Ten clients talk to it at
# once, then the server is closed and its accept loop ends by itself.

let srv = net.listen("127.0.0.1:0")

fn serve(conn) {
  try {
    for line in conn.lines() {
      if line == "bye" { break }
      conn.write(line.upper() + "\n")
    }
  } finally {
    conn.close()
  }
}

let server = spawn {
  for conn in srv { spawn serve(conn) }
}

fn client(id) {
  let c = net.connect(srv.addr, {"timeout": 5})
  let replies = []
  for word in ["hello", "from", "client ${id}"] {
    c.write(word + "\n")
    replies.push(c.read_line())
  }
  c.write("bye\n")
  let rest = c.read()        # nil: the server closed its side
  c.close()
  return replies.join(" ") + (rest == nil ? "" : " (unexpected data)")
}

let replies = group(fn(g) {
  for id in 1..11 { g.spawn(client, id) }
})
for r in replies { print(r) }
srv.close()
server.join()
print("server stopped")

# expect: HELLO FROM CLIENT 1
# expect: HELLO FROM CLIENT 2
# expect: HELLO FROM CLIENT 3
# expect: HELLO FROM CLIENT 4
# expect: HELLO FROM CLIENT 5
# expect: HELLO FROM CLIENT 6
# expect: HELLO FROM CLIENT 7
# expect: HELLO FROM CLIENT 8
# expect: HELLO FROM CLIENT 9
# expect: HELLO FROM CLIENT 10
# expect: server stopped
