# f.write takes any number of values (non-strings through str()) and returns nil.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_write_${os.pid()}.txt"
let f = io.open(p, "w")
print(f.write("a", 1, 2.5, nil, true, [1]))
f.write()
f.flush()
print(io.read_file(p))
f.write("\n")
f.close()
print(len(io.read_file(p)))
os.remove(p)
# expect: nil
# expect: a12.5niltrue[1]
# expect: 16
