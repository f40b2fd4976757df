# Using a closed file raises; closing twice is harmless.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_closed_${os.pid()}.txt"
let f = io.open(p, "w")
print(f.close(), f.close())
fn t(g) { try { g() } catch e { print(e.message.replace(p, "P")) } }
t(fn() => f.write("x"))
t(fn() => f.read())
t(fn() => f.read_line())
t(fn() => f.flush())
t(fn() => f.lines())
let g = io.open(p)
let it = g.lines()
g.close()
t(fn() => it.resume())
os.remove(p)
# expect: nil nil
# expect: write() on closed file 'P'
# expect: read() on closed file 'P'
# expect: read_line() on closed file 'P'
# expect: flush() on closed file 'P'
# expect: lines() on closed file 'P'
# expect: lines(): file 'P' was closed during the iteration
