# A class without init inherits its superclass's init.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
}
class Named : Point {
  fn name() { return "named" }
}
let n = Named(1, 2)
print(n.x, n.y, n.name(), n)
# expect: 1 2 named <Named instance>
