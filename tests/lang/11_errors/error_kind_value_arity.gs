# Bad values have kind "value"; wrong argument counts, "arity".
try { 1 // 0 } catch e { print(e.kind) }
try { int("x") } catch e { print(e.kind) }
try { let [a, b] = [1] } catch e { print(e.kind) }
fn f(a) {}
try { f(1, 2) } catch e { print(e.kind) }
class C { fn m() {} }
try { C.m() } catch e { print(e.kind) }
# expect: value
# expect: value
# expect: value
# expect: arity
# expect: arity
