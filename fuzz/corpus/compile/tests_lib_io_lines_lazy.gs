# io.lines is lazy: a generator fiber that reads one line per step.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_lazy_${os.pid()}.txt"
let text = ""
for i in 0..10000 { text += "line ${i}\n" }
io.write_file(p, text)
let g = io.lines(p)
print(type(g), g.done())
print(g.resume())
print(g.resume())
let count = 2
for l in g { count += 1 }
print(count, g.done())
# stopping early is fine: the file is closed when the fiber is collected
for l in io.lines(p) { if l == "line 3" { print("found", l); break } }
os.remove(p)
# expect: fiber false
# expect: line 0
# expect: line 1
# expect: 10000 true
# expect: found line 3
