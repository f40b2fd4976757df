# A file opened "a+" or "r+" keeps a write that is followed by a read without a flush.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_update_wr_${os.pid()}.txt"
io.write_file(p, "a\n")
let f = io.open(p, "a+")
f.write("b\n")
print(f.read())
f.close()
print(io.read_file(p))
io.write_file(p, "xyz\n")
f = io.open(p, "r+")
f.write("X")
print(f.read_line())
f.close()
print(io.read_file(p))
os.remove(p)
# expect:
# expect: a
# expect: b
# expect:
# expect: yz
# expect: Xyz
# expect:
