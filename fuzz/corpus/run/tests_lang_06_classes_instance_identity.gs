# Instances compare by identity.
class P {
  fn init(x) { self.x = x }
}
let p = P(1)
let q = p
print(p == q, p == P(1), p != P(1))
# expect: true false true
