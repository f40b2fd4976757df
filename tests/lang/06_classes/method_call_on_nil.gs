# Calling a method on nil says "nil has no field 'foo'", like reading one.
let x = nil
try { x.foo() } catch e { print(e.message) }
try { print(x.foo) } catch e { print(e.message) }
fn g(v) { return v.size(1, 2) }
try { g(nil) } catch e { print(e.message) }
nil.foo()
# expect: nil has no field 'foo'
# expect: nil has no field 'foo'
# expect: nil has no field 'size'
# expect error: method_call_on_nil.gs:7:1: nil has no field 'foo'
