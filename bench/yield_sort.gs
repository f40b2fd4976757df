# yield_sort: list.sort's comparator yields on every comparison; the sort
# runs inside a generator that a resume loop drives to completion. (In Lua
# table.sort cannot do this — "attempt to yield across a C-call boundary" —
# so the twin hand-writes a merge sort.)
let N = 120000
if len(os.args) > 0 { N = int(os.args[0]) }
let ROUNDS = 3

let seed = 7
fn rand() {
  seed = seed * 16807 % 2147483647
  return seed
}

let check = 0
for round in 0..ROUNDS {
  let l = []
  for i in 0..N { l.push(rand() % 1000000) }
  let g = fiber(fn(list) {
    list.sort(fn(a, b) {
      yield a
      return a < b
    })
    return list
  })
  let r = g.resume(l)
  while not g.done() { r = g.resume() }
  let s = 0
  for v in r { s = (s * 31 + v) % 1000000007 }
  check = (check + s) % 1000000007
}
print(check)
