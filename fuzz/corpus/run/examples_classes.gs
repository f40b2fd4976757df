# Classes, inheritance, str(), closures and errors in one small program.
class Shape {
  fn init(name) { self.name = name }
  fn area() { return 0 }
  fn str() { return "${self.name} with area ${self.area()}" }
}

class Rect : Shape {
  fn init(w, h) { super.init("rect"); self.w = w; self.h = h }
  fn area() { return self.w * self.h }
}

class Circle : Shape {
  fn init(r) { super.init("circle"); self.r = r }
  fn area() { return 3.14159 * self.r ** 2 }
}

let shapes = [Rect(3, 4), Circle(1), Rect(2, 2.5)]
shapes.sort(fn(a, b) => a.area() < b.area())
for s in shapes { print(s) }

# closures capture variables by reference
fn counter() {
  let n = 0
  return fn() { n += 1; return n }
}
let next = counter()
next(); next()
print("counter:", next())

# errors are values you can catch
try {
  print(shapes[10])
} catch e {
  print("caught:", e.message)
}

# expect: circle with area 3.14159
# expect: rect with area 5.0
# expect: rect with area 12
# expect: counter: 3
# expect: caught: index out of range
