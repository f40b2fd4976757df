# A fiber blocked on the network is not a deadlock: main waits in join while the peer answers later.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let r = spawn c.read_line()
spawn { sleep(0.03); s.write("late\n") }
print(r.join())
# expect: late
