# A file opened "r+" writes where reading stopped when a write follows a read.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_update_rw_${os.pid()}.txt"
io.write_file(p, "one\ntwo\nsix")
let f = io.open(p, "r+")
print(f.read_line())
f.write("TWO")
print(f.read())
f.close()
print(io.read_file(p))
f = io.open(p, "r+")
print(f.read(2))
f.write("-")
f.write("E")
print(f.read(4))
f.close()
print(io.read_file(p))
os.remove(p)
# expect: one
# expect:
# expect: six
# expect: one
# expect: TWO
# expect: six
# expect: on
# expect: TWO
# expect:
# expect: on-ETWO
# expect: six
