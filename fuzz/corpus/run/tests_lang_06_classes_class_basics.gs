# The Point example from the reference.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
  fn norm() { return (self.x ** 2 + self.y ** 2) ** 0.5 }
  fn str() { return "(${self.x}, ${self.y})" }
}
let p = Point(3, 4)
print(p.norm(), p)
print(p.x, p.y)
# expect: 5.0 (3, 4)
# expect: 3 4
