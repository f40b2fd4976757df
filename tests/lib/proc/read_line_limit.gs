# A child's pipe gives read_line the connection's limit: a line of exactly
# 1 MiB (without its "\n" or "\r\n") comes back, one byte more raises kind io
# ("line too long") naming the stream, leaves the bytes in place and the
# stream usable.
let mib = 1048576
let p = proc.start(["cat"], {"stdin": "pipe", "stdout": "pipe"})
spawn {
  p.stdin.write("a".repeat(mib) + "\n")
  p.stdin.write("c".repeat(mib) + "\r\n")
  p.stdin.write("b".repeat(mib + 1) + "\n")
  p.stdin.write("ok\n")
  p.stdin.close()
}
let a = p.stdout.read_line()
print(a.len(), a[0], a[mib - 1])
let cr = p.stdout.read_line()
print(cr.len(), cr[mib - 1])
try { p.stdout.read_line() } catch e { print(e.kind, e.message) }
let rest = p.stdout.read_exactly(mib + 2)
print(rest.len(), rest[mib], rest[mib + 1] == "\n")
print(p.stdout.read_line(), p.stdout.read_line())
print(p.wait())
# expect: 1048576 a a
# expect: 1048576 c
# expect: io read_line cat stdout: line too long
# expect: 1048578 b true
# expect: ok nil
# expect: 0
