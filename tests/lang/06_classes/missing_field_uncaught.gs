# Uncaught missing field: file:LINE: message.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
}
let p = Point(1, 2)
print(p.q)
# expect error: missing_field_uncaught.gs:6:7: Point instance has no field 'q'
