# A class's `fn +(o)`, `- * / // % **` give its instances those operators.
class V {
  fn init(x) { self.x = x }
  fn +(o) { return V(self.x + o.x) }
  fn -(o) { return V(self.x - o.x) }
  fn *(k) { return V(self.x * k) }
  fn /(k) { return V(self.x / k) }
  fn //(k) { return V(self.x // k) }
  fn %(k) { return V(self.x % k) }
  fn **(k) { return V(self.x ** k) }
  fn str() { return "V(${self.x})" }
}
let a = V(7)
let b = V(2)
print(a + b, a - b, a * 3, a / 2, a // 2, a % 4, a ** 2)
let c = V(1)
c += V(10)
c *= 2
print(c)
# expect: V(9) V(5) V(21) V(3.5) V(3) V(3) V(49)
# expect: V(22)
