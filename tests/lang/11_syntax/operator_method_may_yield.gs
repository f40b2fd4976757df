# An operator method may yield, like any callback from native code.
class Slow {
  fn init(v) { self.v = v }
  fn +(o) { yield; return Slow(self.v + o.v) }
}
let f = spawn fn() { print("other fiber") }()
print((Slow(1) + Slow(2)).v)
f.join()
# expect: other fiber
# expect: 3
