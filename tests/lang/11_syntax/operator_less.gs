# `fn <(o)` serves < > <= >= and the default sort.
class Ver {
  fn init(n) { self.n = n }
  fn <(o) { return self.n < o.n }
  fn str() { return "v${self.n}" }
}
let a = Ver(1)
let b = Ver(2)
print(a < b, a > b, a <= b, a >= b, b <= b, b >= b)
print([Ver(3), Ver(1), Ver(2)].sort())
print(b > a ? "newer" : "older")
# expect: true false true false true true
# expect: [v1, v2, v3]
# expect: newer
