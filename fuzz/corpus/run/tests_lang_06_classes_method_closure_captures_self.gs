# A closure created in a method captures self.
class Counter {
  fn init() { self.n = 0 }
  fn incrementer() { return fn() { self.n += 1 } }
}
let c = Counter()
let inc = c.incrementer()
inc()
inc()
inc()
print(c.n)
# expect: 3
