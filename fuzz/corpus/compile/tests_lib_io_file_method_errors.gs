# File methods check their arguments; reading a write-only file fails.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_merr_${os.pid()}.txt"
io.write_file(p, "data")
let f = io.open(p)
fn t(g) { try { g() } catch e { print(e.message.replace(p, "P")) } }
t(fn() => f.read(-1))
t(fn() => f.read("2"))
t(fn() => f.read(1.5))
t(fn() => f.read(1, 2))
t(fn() => f.read_line(1))
t(fn() => f.close(1))
t(fn() => f.write("x"))
f.close()
let w = io.open(p, "w")
t(fn() => w.read())
t(fn() => w.read_line())
w.close()
os.remove(p)
# expect: read() argument 1 must not be negative, got -1
# expect: read() argument 1 must be an int, not string
# expect: read() argument 1 must be an int, not float
# expect: read() expects 0 or 1 arguments, got 2
# expect: read_line() expects 0 arguments, got 1
# expect: close() expects 0 arguments, got 1
# expect: cannot write 'P': Bad file descriptor
# expect: cannot read 'P': Bad file descriptor
# expect: cannot read 'P': Bad file descriptor
