# spawn works on a method call and on a closure call.
class Counter {
  fn init() { self.n = 0 }
  fn bump(k) { self.n += k; return self.n }
}
let c = Counter()
let f = spawn c.bump(5)
let make = fn(m) => fn() => m * 2
let g = spawn make(21)()
print(f.join(), g.join(), c.n)
# expect: 5 42 5
