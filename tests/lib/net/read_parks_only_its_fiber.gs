# While one fiber waits for a connection's data, the others keep running.
let srv = net.listen("127.0.0.1:0")
let c = net.connect(srv.addr)
let s = srv.accept()
let ticks = 0
let reader = spawn c.read_line()
let ticker = spawn { for i in 0..5 { sleep(0.005); ticks += 1 } }
ticker.join()
print(ticks, reader.status())
s.write("now\n")
print(reader.join())
# expect: 5 blocked
# expect: now
