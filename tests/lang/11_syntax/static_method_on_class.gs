# `static fn` is called on the class, without an instance.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
  static fn origin() { return Point(0, 0) }
  static fn of(pair) { return Point(pair[0], pair[1]) }
  fn str() { return "(${self.x}, ${self.y})" }
}
print(Point.origin(), Point.of([3, 4]))
let make = Point.of
print(make([5, 6]))
# expect: (0, 0) (3, 4)
# expect: (5, 6)
