# Several MB through pipes without deadlock: stdout and stderr both large at once, and a cat fed and drained concurrently.
let r = proc.run(["sh", "-c", "head -c 3000000 /dev/zero; head -c 2000000 /dev/zero >&2"])
print(r.code, r.stdout.len(), r.stderr.len())
let big = "0123456789abcdef".repeat(300000)
let back = proc.run(["cat"], {"stdin": big})
print(back.stdout.len(), back.stdout == big)
let p = proc.start(["cat"], {"stdin": "pipe", "stdout": "pipe"})
let writer = spawn {
  for i in 0..64 { p.stdin.write("x".repeat(65536)) }
  p.stdin.close()
}
let n = 0
while true {
  let chunk = p.stdout.read()
  if chunk == nil { break }
  n = n + chunk.len()
}
writer.join()
print(n, p.wait())
# expect: 0 3000000 2000000
# expect: 4800000 true
# expect: 4194304 0
