# The constructor checks init's argument count.
class Point {
  fn init(x, y) { self.x = x; self.y = y }
}
try {
  let p = Point(1)
  print("no error")
} catch e {
  print(e.message.contains("expects 2 arguments, got 1"))
}
# expect: true
