# Many children at once from fibers: each gets its own output, and a fiber that does not wait keeps running meanwhile.
let n = 40
let results = chan(n)
let ticks = 0
let ticker = spawn {
  while true { ticks = ticks + 1; sleep(0.005) }
}
let most_ticks = 0
for i in 0..n {
  spawn {
    let before = ticks
    let r = proc.run(["sh", "-c", "sleep 0.5; echo child $0", "${i}"])
    if ticks - before > most_ticks { most_ticks = ticks - before }
    results.send(r.stdout.trim())
  }
}
let seen = {}
for i in 0..n { seen[results.recv()] = true }
ticker.cancel()
let all = true
for i in 0..n { if not seen.has("child ${i}") { all = false } }
print(seen.len(), all)
print(most_ticks > 3)
# expect: 40 true
# expect: true
