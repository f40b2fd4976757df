# proc.start with "pipe" streams: write to stdin, close it, read stdout; wait gives the exit code.
let p = proc.start(["sort"], {"stdin": "pipe", "stdout": "pipe"})
print(type(p.pid), p.pid > 0)
print(p.stderr)
p.stdin.write("b\na\n")
p.stdin.close()
print(p.stdout.read_all() == "a\nb\n")
print(p.wait())
print(p.code, p.signal, p.done())
let q = proc.start(["sh", "-c", "printf 'one\\ntwo\\r\\nthree'"], {"stdout": "pipe"})
for line in q.stdout.lines() { print(line) }
print(q.stdout.read())
print(q.wait())
let x = proc.start(["sh", "-c", "printf abcdef"], {"stdout": "pipe"})
print(x.stdout.read_exactly(2), x.stdout.read_line())
try { x.stdout.read_exactly(1) } catch e { print(e.kind, e.partial == "") }
x.wait()
# expect: int true
# expect: nil
# expect: true
# expect: 0
# expect: 0 nil true
# expect: one
# expect: two
# expect: three
# expect: nil
# expect: 0
# expect: ab cdef
# expect: closed true
