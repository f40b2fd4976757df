# A fiber's first registers and call frames live beside its C stack; when it
# runs deeper they move to the heap. Closures over its locals (open upvalues
# into the moving stack) and the frames below keep working, across yields.
fn down(n, counters) {
  let local = n * 10
  counters.push(fn() { local += 1; return local })
  if n == 0 {
    let got = yield len(counters)
    return got
  }
  return down(n - 1, counters) + local
}
let counters = []
let g = fiber(fn() { return down(40, counters) })
print(g.resume())
print(counters[0](), counters[40](), counters[20]())
print(g.resume(1000))
print(counters[0](), counters[40]())
fn deep(n, fs) {
  let local = n
  fs.push(fn() { local += 1; return local })
  if n == 0 {
    yield
    return 0
  }
  return deep(n - 1, fs) + 1
}
fn run(n) {
  let fs = []
  let r = deep(n, fs)
  return [r, fs[0](), fs[n]()]
}
let w = spawn run(30)
print(w.join())
# expect: 41
# expect: 401 1 201
# expect: 9202
# expect: 402 2
# expect: [30, 31, 1]
