# Non-string data is written as str() gives it (instances use their str()).
class P { fn str() { return "<P>" } }
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_nonstr_${os.pid()}.txt"
io.write_file(p, 42)
io.append_file(p, [1, "a"])
io.append_file(p, P())
io.append_file(p, 2.5)
print(io.read_file(p))
os.remove(p)
# expect: 42[1, "a"]<P>2.5
