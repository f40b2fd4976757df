# for conn in listener accepts until the listener is closed, then ends quietly.
let srv = net.listen("127.0.0.1:0")
let loop = spawn {
  let n = 0
  for conn in srv { n += 1; conn.close() }
  return "accepted ${n}, loop ended"
}
for i in 0..3 { net.connect(srv.addr).close() }
sleep(0.02)
srv.close()
print(loop.join())
# expect: accepted 3, loop ended
