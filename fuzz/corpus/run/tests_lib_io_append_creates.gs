# append_file creates a missing file.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_append_${os.pid()}.txt"
io.append_file(p, "a")
io.append_file(p, "b")
print(io.read_file(p))
os.remove(p)
# expect: ab
