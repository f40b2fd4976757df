# Methods check their argument count (self is not counted).
class Mover {
  fn move(dx, dy) { return dx + dy }
}
let m = Mover()
try {
  m.move(1, 2, 3)
} catch e {
  print(e.message)
}
# expect: move() expects 2 arguments, got 3
