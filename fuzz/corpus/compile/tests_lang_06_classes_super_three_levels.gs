# super chains through several levels.
class A {
  fn init() { self.trail = ["A"] }
  fn f() { return "a" }
}
class B : A {
  fn init() { super.init(); self.trail.push("B") }
  fn f() { return super.f() + "b" }
}
class C : B {
  fn init() { super.init(); self.trail.push("C") }
  fn f() { return super.f() + "c" }
}
let c = C()
print(c.trail, c.f())
# expect: ["A", "B", "C"] abc
