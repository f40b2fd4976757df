# The lines generator can be consumed from another fiber and mixed with yields.
let p = (os.env("TMPDIR") or "/tmp") + "/gs_io_lyield_${os.pid()}.txt"
io.write_file(p, "a\nb\nc\n")
let ch = chan()
spawn fn() {
  for l in io.lines(p) { ch.send(l); yield }
  ch.close()
}()
let got = []
for v in ch { got.push(v) }
print(got)
os.remove(p)
# expect: ["a", "b", "c"]
