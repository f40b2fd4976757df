# A spawned fiber and a generator recurse through natives (map, sort, str()) at least as deep as the main fiber before `stack overflow` (§11).
# slow
let depth = 0
fn via_map(n) { depth = n; return [n].map(fn(x) => via_map(x + 1)) }
fn via_sort(n) { depth = n; return [1, 2].sort(fn(a, b) { via_sort(n + 1); return a < b }) }
class Nest {
  fn init(n) { self.n = n }
  fn str() { depth = self.n; return str(Nest(self.n + 1)) }
}
fn probe(f) {
  depth = 0
  let msg = ""
  try { f() } catch e { msg = e.message }
  return [depth, msg]
}
let kinds = {"map": fn() => via_map(0), "sort": fn() => via_sort(0), "str": fn() => str(Nest(0))}
for name, f in kinds {
  let main = probe(f)
  let spawned = (spawn probe(f)).join()
  let gen = fiber(probe).resume(f)
  print(name, main[1], spawned[1], gen[1], main[0] > 1000, spawned[0] >= main[0], gen[0] >= main[0])
}
# expect: map stack overflow stack overflow stack overflow true true true
# expect: sort stack overflow stack overflow stack overflow true true true
# expect: str stack overflow stack overflow stack overflow true true true
