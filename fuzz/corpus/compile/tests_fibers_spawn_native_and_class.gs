# spawn CALL works for natives, methods of built-in types and class constructors too.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
  fn str() { return "(${self.x}, ${self.y})" }
}
let a = spawn print("printed by a fiber")
let b = spawn len([1, 2, 3])
let c = spawn "a,b".split(",")
let d = spawn Point(1, 2)
print(a.join(), b.join(), c.join(), d.join())
# expect: printed by a fiber
# expect: nil 3 ["a", "b"] (1, 2)
