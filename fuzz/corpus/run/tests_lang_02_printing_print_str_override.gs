# A class's str() method is used by print, str() and interpolation.
class P {
  fn init(x, y) {
    self.x = x
    self.y = y
  }
  fn str() { return "(${self.x}, ${self.y})" }
}
let p = P(3, 4)
print(p)
print(str(p))
print("p=${p}")
print(str(p).len())
# expect: (3, 4)
# expect: (3, 4)
# expect: p=(3, 4)
# expect: 6
