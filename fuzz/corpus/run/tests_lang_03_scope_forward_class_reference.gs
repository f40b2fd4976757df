# A function may refer to a class declared later in the file.
fn make() { return Later(5) }
class Later {
  fn init(v) { self.v = v }
}
print(make().v)
# expect: 5
