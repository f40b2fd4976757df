# A bound method keeps its instance, also when passed to other code.
class Counter {
  fn init() { self.n = 0 }
  fn inc() { self.n += 1 }
  fn add(x) { return x + self.n }
}
let c = Counter()
let m = c.inc
m()
m()
print(c.n)
print([1, 2].map(c.add))
# expect: 2
# expect: [3, 4]
