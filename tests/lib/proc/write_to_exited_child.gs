# Writing to a child that has exited raises kind "reset" (no SIGPIPE death); proc.run ignores input the child never read.
let p = proc.start(["true"], {"stdin": "pipe"})
print(p.wait())
let kind = nil
try {
  for i in 0..100 { p.stdin.write("x".repeat(65536)) }
} catch e { kind = e.kind }
print(kind)
# a child that exits while we are blocked writing to it
let q = proc.start(["sh", "-c", "head -c 1000 >/dev/null"], {"stdin": "pipe"})
try {
  for i in 0..1000 { q.stdin.write("y".repeat(65536)) }
  print("wrote everything?")
} catch e { print(e.kind, e.message.starts_with("write sh stdin: ")) }
print(q.wait())
let r = proc.run(["true"], {"stdin": "z".repeat(4000000)})
print(r.code)
print("still alive")
# expect: 0
# expect: reset
# expect: reset true
# expect: 0
# expect: 0
# expect: still alive
