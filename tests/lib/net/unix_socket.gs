# unix: addresses listen and connect on a socket file, removed when the listener closes.
let path = "/tmp/gs-net-unix-${os.pid()}.sock"
let srv = net.listen("unix:" + path)
print(srv.addr == "unix:" + path)
spawn { let s = srv.accept(); s.write(s.read_line() + "!\n"); s.close() }
let c = net.connect("unix:" + path)
c.write("hello\n")
print(c.read_line())
srv.close()
try { net.connect("unix:" + path) } catch e { print(e.kind) }
# expect: true
# expect: hello!
# expect: not_found
