# A writer blocked by back-pressure (the peer reads nothing) raises kind
# "reset", naming the address, when the peer resets the connection; the
# process is not killed by SIGPIPE.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let sent = 0
let writer = spawn {
  let chunk = "x".repeat(65536)
  try {
    for i in 0..4096 { s.write(chunk); sent += 1 }   # 256 MiB: far more than the socket buffers
    return "finished"
  } catch e { return "${e.kind} ${e.message.starts_with("write ${c.local_addr}: ")}" }
}
for i in 0..400 { if writer.status() == "blocked" and sent > 0 { break }; sleep(0.005) }
sleep(0.02)
print(writer.status(), sent < 4096)
c.close()                    # with unread data: the kernel sends a reset
print(writer.join())
print("still alive")
# expect: blocked true
# expect: reset true
# expect: still alive
