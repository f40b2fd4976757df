# min() and max() use a class's < method.
class Ver {
  fn init(n) { self.n = n }
  fn <(o) { return self.n < o.n }
}
let vs = [Ver(3), Ver(1), Ver(2)]
print(vs.min().n, vs.max().n)
# expect: 1 3
