# Compound assignment on fields.
class Counter {
  fn init() { self.n = 0 }
}
let c = Counter()
c.n += 5
print(c.n)
c.n -= 1
print(c.n)
c.n *= 3
print(c.n)
c.n /= 2
print(c.n)
# expect: 5
# expect: 4
# expect: 12
# expect: 6.0
