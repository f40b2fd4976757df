# Run by accept_out_of_files.sh under a small descriptor limit.
# skip: helper for accept_out_of_files.sh
let srv = net.listen("127.0.0.1:0")
io.write_file(os.args[0], str(srv.port))
let held = []
try {
  for conn in srv { held.push(conn) }
} catch e {
  print(e.kind, len(held) > 10)
  print(e.message.starts_with("accept 127.0.0.1:"))
}
for i in 0..10 { held.pop().close() }
for conn in srv {
  print("accepting again after closing some")
  break
}
