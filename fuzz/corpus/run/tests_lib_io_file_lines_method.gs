# f.lines() iterates over the remaining lines; the file stays open after.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_flines_${os.pid()}.txt"
io.write_file(p, "header\nx\ny\n")
let f = io.open(p)
print(f.read_line())
for l in f.lines() { print(l) }
print(f.read_line())
f.close()
os.remove(p)
# expect: header
# expect: x
# expect: y
# expect: nil
