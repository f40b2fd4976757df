# p.m without a call gives a bound method.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
  fn norm() { return (self.x ** 2 + self.y ** 2) ** 0.5 }
}
let p = Point(3, 4)
let f = p.norm
print(f(), type(f))
# expect: 5.0 function
