# Many children at once from fibers: each gets its own output, and fibers not waiting keep running.
let n = 40
let results = chan(n)
let ticks = 0
let ticker = spawn {
  while true { ticks = ticks + 1; sleep(0.005) }
}
for i in 0..n {
  spawn {
    let r = proc.run(["sh", "-c", "sleep 0.1; echo child $0", "${i}"])
    results.send(r.stdout.trim())
  }
}
let seen = {}
for i in 0..n { seen[results.recv()] = true }
ticker.cancel()
let all = true
for i in 0..n { if not seen.has("child ${i}") { all = false } }
print(seen.len(), all)
print(ticks > 5)
# expect: 40 true
# expect: true
