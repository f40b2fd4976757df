# Scale: 100 000 live fibers, all blocked on one channel at the same time, are released one value each.
. "$(dirname "$0")/scale_lib.bash"
run_scale scale_100k_channel 'true' <<'GS'
let n = 100000
let ch = chan()
let done = chan(n)
for i in 0..n {
  spawn {
    let v = ch.recv()
    done.send(v + 1)
  }
}
yield                     # let every fiber run up to its recv
for i in 0..n { ch.send(i) }
let total = 0
for i in 0..n { total += done.recv() }
print(total == n * (n + 1) // 2)
GS
