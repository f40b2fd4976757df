# Scale: 100 000 fibers sleeping at once (each inside a map callback) all wake and finish.
. "$(dirname "$0")/scale_lib.bash"
run_scale scale_100k_sleepers '0
100000' <<'GS'
let n = 100000
let count = 0
for i in 0..n {
  spawn { [i].map(fn(x) { sleep(0.05); count += 1 }) }
}
sleep(0.01)
print(count)
sleep(0.2)
print(count)
GS
