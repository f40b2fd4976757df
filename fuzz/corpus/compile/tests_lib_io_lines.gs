# io.lines(path) iterates over the lines, without their newline.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_lines_${os.pid()}.txt"
io.write_file(p, "alpha\nbeta\r\n\ngamma")
for l in io.lines(p) { print("[" + l + "]") }
let n = 0
for i, l in ["x"] { n += 1 }
let all = []
for l in io.lines(p) { all.push(l) }
print(len(all))
io.write_file(p, "")
for l in io.lines(p) { print("never") }
io.write_file(p, "one\n")
for l in io.lines(p) { print(l) }
os.remove(p)
# expect: [alpha]
# expect: [beta]
# expect: []
# expect: [gamma]
# expect: 4
# expect: one
