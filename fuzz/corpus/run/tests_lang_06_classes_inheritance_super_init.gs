# A subclass calls its superclass's init with super.init.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
  fn norm() { return (self.x ** 2 + self.y ** 2) ** 0.5 }
}
class Point3 : Point {
  fn init(x, y, z) { super.init(x, y); self.z = z }
}
let p = Point3(3, 4, 12)
print(p.x, p.y, p.z, p.norm())
# expect: 3 4 12 5.0
