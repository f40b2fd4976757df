# callbacks: closures made in loops — event handlers that capture the loop
# variable and shared counters, map/filter/reduce chains with inline
# functions, and functions composed into a pipeline.
let N = 80000
if len(os.args) > 0 { N = int(os.args[0]) }

class Emitter {
  fn init() { self.handlers = {} }
  fn on(event, handler) {
    if not self.handlers.has(event) { self.handlers[event] = [] }
    self.handlers[event].push(handler)
  }
  fn emit(event, value) {
    let list = self.handlers[event]
    if list == nil { return 0 }
    for handler in list { handler(value) }
    return len(list)
  }
}

fn compose(f, g) { return fn(x) => f(g(x)) }

let data = []
for i in 0..40 { data.push(i * 7 % 23) }

let total = 0
let calls = 0
for round in 0..N {
  let em = Emitter()
  let sums = [0, 0, 0]
  for i in 0..8 {
    em.on("tick", fn(v) { sums[i % 3] += v * i })
  }
  let seen = 0
  em.on("tick", fn(v) { seen += 1 })
  em.on("done", fn(v) { total = (total + v + seen) % 1000000007 })
  for t in 0..10 { calls += em.emit("tick", round + t) }
  calls += em.emit("missing", 0)

  let k = round % 5 + 1
  let picked = data.map(fn(x) => x * k).filter(fn(x) => x % 3 != 0)
  let sum = picked.reduce(fn(acc, x) => acc + x, 0)

  let step = compose(fn(x) => x + k, fn(x) => x * 2)
  let pipeline = compose(step, compose(step, step))

  em.emit("done", sums[0] + sums[1] * 2 + sums[2] * 3 + sum + pipeline(round))
}
print(total, calls)
