# f.cancel() wakes a fiber blocked in accept, read or write with kind "cancelled"; the objects stay usable.
let srv = net.listen("127.0.0.1:0")
fn blocked(body) {
  let f = spawn { try { body() } catch e { return e.kind } }
  sleep(0.02)
  print(f.status())
  f.cancel()
  return f.join()
}
print(blocked(fn() { srv.accept() }))
let c = net.connect(srv.addr)
let s = srv.accept()
print(blocked(fn() { c.read() }))
print(blocked(fn() { while true { s.write("x".repeat(1 << 20)) } }))
spawn { c.write("after\n") }
print(s.read_line())
# expect: blocked
# expect: cancelled
# expect: blocked
# expect: cancelled
# expect: blocked
# expect: cancelled
# expect: after
