# A static method reached through an instance is still called without self.
class Temp {
  static fn from_f(f) { return (f - 32) * 5 / 9 }
}
let t = Temp()
print(t.from_f(212), Temp.from_f(32))
let g = t.from_f
print(g(50))
# expect: 100.0 0.0
# expect: 10.0
