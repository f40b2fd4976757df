# A write to a child that does not read times out like a connection's:
# kind timeout naming the stream, with e.written counting what the pipe took.
let data = "x".repeat(8 * 1048576)
let p = proc.start(["sleep", "60"], {"stdin": "pipe"})   # killed below
p.stdin.set_timeout(0.1)
try { p.stdin.write(data) } catch e {
  print(e.kind, e.message)
  print(type(e.written), e.written > 0, e.written < data.len())
}
p.kill("KILL")
print(p.wait())
# expect: timeout write sleep stdin: timed out after 0.1 s
# expect: int true true
# expect: 137
