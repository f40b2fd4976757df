# open modes: r (default), w, a, with optional + and b.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_modes_${os.pid()}.txt"
let f = io.open(p, "w")
f.write("one\n")
f.close()
f = io.open(p, "a")
f.write("two\n")
f.close()
f = io.open(p)
print(f.read())
f.close()
f = io.open(p, "r+")
f.write("ONE")
f.close()
print(io.read_file(p))
f = io.open(p, "w+b")
f.write("fresh")
f.close()
f = io.open(p, "ab+")
f.write("!")
f.close()
f = io.open(p, nil)
print(f.read())
f.close()
os.remove(p)
# expect: one
# expect: two
# expect:
# expect: ONE
# expect: two
# expect:
# expect: fresh!
