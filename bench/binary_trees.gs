# binary_trees: allocate and walk many short-lived binary trees (GC, allocation).
# Trees are [left, right] lists; a leaf is [nil, nil].
let N = 15
if len(os.args) > 0 { N = int(os.args[0]) }

fn make(d) {
  if d == 0 { return [nil, nil] }
  return [make(d - 1), make(d - 1)]
}

fn check(t) {
  if t[0] == nil { return 1 }
  return 1 + check(t[0]) + check(t[1])
}

let min_depth = 4
let max_depth = N
if min_depth + 2 > N { max_depth = min_depth + 2 }

let stretch = max_depth + 1
print("stretch tree of depth ${stretch} check: ${check(make(stretch))}")

let long_lived = make(max_depth)

let d = min_depth
while d <= max_depth {
  let iters = 1 << (max_depth - d + min_depth)
  let c = 0
  for i in 0..iters { c += check(make(d)) }
  print("${iters} trees of depth ${d} check: ${c}")
  d += 2
}
print("long lived tree of depth ${max_depth} check: ${check(long_lived)}")
