# Scale: 100 000 live suspended generators, each paused at a yield inside a map callback, then finished.
. "$(dirname "$0")/scale_lib.bash"
run_scale scale_100k_generators '100000 false
true true' <<'GS'
let n = 100000
let gens = []
for i in 0..n {
  let g = fiber(fn(k) { return [k].map(fn(x) => (yield x) + x)[0] })
  g.resume(i)
  gens.push(g)
}
print(len(gens), gens[n - 1].done())
let total = 0
for g in gens { total += g.resume(1) }
print(total == n * (n - 1) // 2 + n, gens[0].done())
GS
