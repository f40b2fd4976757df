# UDP: a datagram sent to a socket's address arrives whole, with the sender's address; recv_from parks only its fiber.
let a = net.udp("127.0.0.1:0")
let b = net.udp("127.0.0.1:0")
let got = spawn a.recv_from()
sleep(0.01)
b.send_to("ping", a.addr)
let r = got.join()
print(r[0], r[1] == b.addr)
a.send_to("pong", r[1])
print(b.recv_from(2)[0])
a.close()
try { a.recv_from() } catch e { print(e.kind) }
# expect: ping true
# expect: po
# expect: closed
