# http_hello.gs — a small HTTP/1.1 server with keep-alive, over net, and a
# client in the same script, so it stops by itself.
#
# Each connection is served by its own fiber: it reads a request line and
# headers, answers, and keeps the connection open for the next request
# unless the client asked to close it (or spoke HTTP/1.0).
#
# `gs examples/http_hello.gs ADDR` only serves, on ADDR, until it is killed
# (make bench-io measures it so).

let serve_only = os.args.len() > 0
let srv = net.listen(serve_only ? os.args[0] : "127.0.0.1:0")

# The request line and headers of the next request, or nil at end of stream.
fn read_request(conn) {
  let line = conn.read_line()
  if line == nil { return nil }
  let parts = line.split(" ")
  let req = {"method": parts[0], "path": parts[1], "version": parts[2], "headers": {}}
  while true {
    let h = conn.read_line()
    if h == nil or h == "" { break }
    let kv = h.split(": ")
    req["headers"][kv[0].lower()] = kv[1]
  }
  return req
}

fn respond(conn, status, body, keep) {
  conn.write("HTTP/1.1 ${status}\r\n" +
             "Content-Type: text/plain\r\n" +
             "Content-Length: ${len(body)}\r\n" +
             "Connection: ${keep ? "keep-alive" : "close"}\r\n\r\n" + body)
}

fn serve(conn) {
  try {
    while true {
      let req = read_request(conn)
      if req == nil { break }
      let keep = req["version"] == "HTTP/1.1" and req["headers"].get("connection", "") != "close"
      if req["path"] == "/" {
        respond(conn, "200 OK", "Hello, world!\n", keep)
      } else {
        respond(conn, "404 Not Found", "no page ${req["path"]}\n", keep)
      }
      if not keep { break }
    }
  } finally {
    conn.close()
  }
}

let server = spawn {
  for conn in srv { spawn serve(conn) }
}
if serve_only { server.join() }

# ---- the client ---------------------------------------------------------

# Status line, headers and body of one response.
fn read_response(c) {
  let status = c.read_line()
  let headers = {}
  while true {
    let h = c.read_line()
    if h == "" { break }
    let kv = h.split(": ")
    headers[kv[0].lower()] = kv[1]
  }
  let body = c.read_exactly(int(headers["content-length"]))
  return [status, headers["connection"], body.trim()]
}

let c = net.connect(srv.addr, {"timeout": 5})
for path in ["/", "/missing", "/"] {                 # three requests, one connection
  c.write("GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n")
  print(read_response(c))
}
c.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
print(read_response(c))
print(c.read())                                     # nil: the server closed it
c.close()

srv.close()
server.join()
print("done")

# expect: ["HTTP/1.1 200 OK", "keep-alive", "Hello, world!"]
# expect: ["HTTP/1.1 404 Not Found", "keep-alive", "no page /missing"]
# expect: ["HTTP/1.1 200 OK", "keep-alive", "Hello, world!"]
# expect: ["HTTP/1.1 200 OK", "close", "Hello, world!"]
# expect: nil
# expect: done
