# fiber_churn: the fiber lifecycle — in each round 10 000 generators are
# created and alive together, resumed round robin until they finish, then
# 2 000 spawned fibers do a little work, yield once and finish.
let N = 40
if len(os.args) > 0 { N = int(os.args[0]) }
let GENERATORS = 10000
let STEPS = 4
let SPAWNED = 2000

fn counter(start) {
  let acc = start
  for j in 0..STEPS {
    let got = yield acc % 1000
    acc += got
  }
  return acc
}

fn worker(id) {
  let acc = id
  for j in 0..3 { acc = (acc * 31 + j) % 1000003 }
  yield
  return acc % 1000
}

let total = 0
for round in 0..N {
  let gens = []
  for i in 0..GENERATORS { gens.push(fiber(counter)) }
  for i, g in gens { total += g.resume(i + round) }
  for step in 0..STEPS {
    for g in gens { total += g.resume(step) }
  }
  let fibers = []
  for i in 0..SPAWNED { fibers.push(spawn worker(i + round)) }
  for f in fibers { total += f.join() }
  total = total % 1000000007
}
print(total)
