# `fn -()` with no parameter is unary minus; `fn -(o)` stays binary.
class N {
  fn init(v) { self.v = v }
  fn -() { return N(0 - self.v) }
  fn -(o) { return N(self.v - o.v) }
}
print((-N(5)).v, (N(5) - N(2)).v)
# expect: -5 3
