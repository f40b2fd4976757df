# read_line and read can be mixed; a NUL byte inside a line is kept.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_mixed_${os.pid()}.txt"
io.write_file(p, "a\x00b\nrest\nof file")
let f = io.open(p)
let l = f.read_line()
print(len(l), l.bytes())
print(f.read(4), f.read_line(), f.read())
f.close()
os.remove(p)
# expect: 3 [97, 0, 98]
# expect: rest  of file
