# Calling a class returns the new instance, whatever init does.
class T {
  fn init() {
    self.v = 1
    return
  }
}
let t = T()
print(type(t), t.v)
# expect: instance 1
