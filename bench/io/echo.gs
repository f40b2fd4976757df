# echo.gs — the GreenScript TCP echo server of `make bench-io`: a fiber per
# connection sends back whatever it reads.
#
#   gs bench/io/echo.gs [ADDR]      (default 127.0.0.1:0; prints the bound address)

let srv = net.listen(os.args.len() > 0 ? os.args[0] : "127.0.0.1:0")
print(srv.addr)

fn serve(conn) {
  try {
    while true {
      let data = conn.read()
      if data == nil { break }
      conn.write(data)
    }
  } catch e {
    # a client that resets its connection ends only its own fiber
  } finally {
    conn.close()
  }
}

for conn in srv { spawn serve(conn) }
