# Connections whose data comes while their readers wait are served in the order
# the readers began to wait, whatever order the data came in: here the last
# reader to wait gets its data first, and is still served last.
let path = "/tmp/gs-net-wait-order-${os.pid()}.sock"
let srv = net.listen("unix:" + path)
let n = 40
let waiting = 0
let served = []
spawn {
  for i in 0..n {
    let conn = srv.accept()
    spawn {
      waiting += 1
      served.push(conn.read())   # blocks at once: nothing was sent yet
      conn.write("ok")
    }
  }
}
let clients = []
for i in 0..n { clients.push(net.connect("unix:" + path)) }
while waiting < n { sleep(0.001) }
sleep(0.01)   # one pass of the event loop: the kernel now watches every reader's socket
# newest reader first; on a unix socket each write is in the reader's queue when write returns
for i in 0..n { clients[n - 1 - i].write(str(n - 1 - i)) }
for c in clients { c.read() }
print(served.join(" "))
srv.close()
# expect: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39
