# Calling an instance method on the class raises "NAME() is an instance method; call it on an instance", never a negative argument count, and never takes the first argument as self.
class P {
  fn make() { return 1 }
  fn f(a) { return a }
  fn init(x) { self.x = x }
}
try { P.make() } catch e { print(e.message) }
try { print(P.f(1, 2)) } catch e { print(e.message) }
try { print(P.f(1)) } catch e { print(e.message) }
try { P.init(1) } catch e { print(e.message) }
let m = P.make
try { m() } catch e { print(e.message) }
print(P(5).make(), P(5).f(7))
P.make()
# expect: make() is an instance method; call it on an instance
# expect: f() is an instance method; call it on an instance
# expect: f() is an instance method; call it on an instance
# expect: init() is an instance method; call it on an instance
# expect: make() is an instance method; call it on an instance
# expect: 1 7
# expect error: instance_method_called_on_class.gs:14:1: make() is an instance method; call it on an instance
