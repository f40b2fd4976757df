# type() names every kind of value.
class C {
  fn m() { return 1 }
}
fn f() {}
let c = C()
print(type(nil), type(true), type(1), type(1.5), type("s"))
print(type([]), type({}), type(f), type(fn() => 1), type(print))
print(type(C), type(c), type(c.m), type(0..2))
# expect: nil bool int float string
# expect: list map function function function
# expect: class instance function range
