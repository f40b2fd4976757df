# Reading a missing field raises "NAME instance has no field 'q'".
class Point {
  fn init(x, y) { self.x = x; self.y = y }
}
let p = Point(1, 2)
try {
  print(p.q)
} catch e {
  print(e.message)
}
# expect: Point instance has no field 'q'
