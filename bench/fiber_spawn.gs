# fiber_spawn: N live fibers (100 000 by default) scheduled round robin;
# each runs a loop that yields ROUNDS times, then finishes.
let N = 100000
if len(os.args) > 0 { N = int(os.args[0]) }
let ROUNDS = 15

let total = 0
fn worker(id) {
  let acc = id
  for r in 0..ROUNDS {
    acc = (acc * 31 + r) % 1000003
    total += acc
    yield
  }
  return acc
}

let fibers = []
for i in 0..N { fibers.push(spawn worker(i)) }
let sum = 0
for f in fibers { sum += f.join() }
print(total, sum)
