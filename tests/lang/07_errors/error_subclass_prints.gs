# An instance of an Error subclass prints like an Error: its message; without one (init did not call super.init) the class name, never "<instance>"; a str() of its own wins.
class E : Error {}
class Coded : Error {
  fn init(code) { self.code = code }
}
class Named : Error {
  fn init(code) { self.code = code }
  fn str() { return "Named ${self.code}" }
}
print(E(1))
print(E("bad input"), str(E("x")))
print(Coded(404))
print(Named(7))
try { throw Coded(500) } catch e { print(e, e.code) }
print([E("in list")])
throw Coded(3)
# expect: 1
# expect: bad input x
# expect: Coded
# expect: Named 7
# expect: Coded 500
# expect: [in list]
# expect error: error_subclass_prints.gs:16:1: Coded
