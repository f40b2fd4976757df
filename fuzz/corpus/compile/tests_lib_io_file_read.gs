# f.read(n) reads at most n bytes (nil at end of file); f.read() the rest.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_read_${os.pid()}.txt"
io.write_file(p, "abcdefgh")
let f = io.open(p)
print(f.read(3), f.read(0), f.read(2.0), f.read(), f.read(), f.read(1), f.read(0))
f.close()
f = io.open(p)
print(f.read(100), f.read(5))
f.close()
io.write_file(p, "")
f = io.open(p)
print(f.read(), f.read(1), f.read_line())
f.close()
os.remove(p)
# expect: abc  de fgh  nil 
# expect: abcdefgh nil
# expect:  nil nil
