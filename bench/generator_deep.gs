# generator_deep: a recursive walk of a complete binary tree of depth 18
# yields every leaf from 18 frames deep through a generator; repeated N times.
let N = 30
if len(os.args) > 0 { N = int(os.args[0]) }
let DEPTH = 18

fn walk(depth, v) {
  if depth == 0 {
    yield v
    return
  }
  walk(depth - 1, v * 2)
  walk(depth - 1, v * 2 + 1)
}

let total = 0
let count = 0
for pass in 0..N {
  for v in fiber(fn() { walk(DEPTH, pass) }) {
    total = (total * 7 + v) % 1000000007
    count += 1
  }
}
print(total, count)
