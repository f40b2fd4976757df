# Methods are looked up along the class chain.
class A {
  fn hello() { return "A.hello" }
  fn who() { return "A" }
}
class B : A {
  fn who() { return "B" }
}
class C : B {}
let c = C()
print(c.hello(), c.who())
# expect: A.hello B
