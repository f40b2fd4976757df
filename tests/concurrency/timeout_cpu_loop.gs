# A timeout also stops a fiber that runs a CPU loop without any wait point.
let n = 0
try {
  timeout(0.05, fn() { while true { n += 1 } })
} catch e {
  print(e.kind, n > 0)
}
# expect: timeout true
