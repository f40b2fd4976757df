# A method may return self for chaining.
class Acc {
  fn init() { self.total = 0 }
  fn add(x) {
    self.total += x
    return self
  }
}
print(Acc().add(1).add(2).add(3).total)
# expect: 6
