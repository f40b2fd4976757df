# Writing to a peer that has gone raises kind "reset"; the process is not killed by SIGPIPE.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
s.write("unread")
sleep(0.01)
c.close()
sleep(0.02)
let kind = nil
try {
  for i in 0..1000 { s.write("x".repeat(65536)) }
} catch e { kind = e.kind }
print(kind)
print("still alive")
# expect: reset
# expect: still alive
