# Methods call other methods through self.
class Calc {
  fn init(v) { self.v = v }
  fn double() { return self.v * 2 }
  fn quad() { return self.double() * 2 }
}
print(Calc(3).quad())
# expect: 12
