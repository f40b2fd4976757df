# Each instance has its own fields.
class Box {
  fn init(v) { self.v = v }
}
let a = Box(1)
let b = Box(2)
a.v = 10
print(a.v, b.v)
# expect: 10 2
