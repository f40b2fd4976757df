# A field holding a function can be called like a method.
class Holder {
  fn init() { self.cb = fn(x) => x + 1 }
}
let h = Holder()
print(h.cb(2))
# expect: 3
