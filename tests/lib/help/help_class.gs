# help of a class shows its constructor and methods with their doc comments;
# of an instance, its fields and methods; of a bound method, that method.
class Point {
  # A point in the plane.
  fn init(x, y) { self.x = x; self.y = y }
  # Distance to another point.
  fn dist(other) { return 0 }
}
help(Point)
let p = Point(1, 2)
help(p)
help(p.dist)
# expect: class Point
# expect:   Point(x, y)
# expect:     A point in the plane.
# expect:   fn Point.dist(other) — Distance to another point.
# expect: a Point instance
# expect:   x = 1
# expect:   y = 2
# expect: methods:
# expect:   fn Point.dist(other) — Distance to another point.
# expect: fn Point.dist(other)
# expect:   Distance to another point.
