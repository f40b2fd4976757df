# Classes are first-class values.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
}
let C = Point
let p = C(1, 2)
print(type(C), type(p), C, p.y)
# expect: class instance <class Point> 2
