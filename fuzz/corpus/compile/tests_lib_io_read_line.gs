# read_line returns a line without "\n" or "\r\n"; nil at end of file.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_readline_${os.pid()}.txt"
io.write_file(p, "first\nsecond\r\n\n  spaced  \nlast")
let f = io.open(p)
let lines = []
let l = f.read_line()
while l != nil {
  lines.push(l)
  l = f.read_line()
}
print(lines)
print(f.read_line())
f.close()
io.write_file(p, "only\n")
f = io.open(p)
print(f.read_line(), f.read_line())
f.close()
os.remove(p)
# expect: ["first", "second", "", "  spaced  ", "last"]
# expect: nil
# expect: only nil
