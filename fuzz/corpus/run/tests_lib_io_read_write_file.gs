# write_file creates/overwrites, append_file appends, read_file reads it all.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_rw_${os.pid()}.txt"
io.write_file(p, "hello\n")
print(io.read_file(p) == "hello\n")
io.write_file(p, "new")
io.append_file(p, " and more")
io.append_file(p, "!")
print(io.read_file(p))
io.write_file(p, "")
print(len(io.read_file(p)))
print(io.write_file(p, "x"), io.append_file(p, "y"))
os.remove(p)
# expect: true
# expect: new and more!
# expect: 0
# expect: nil nil
