# An uncaught stack overflow in a fiber is reported like any fiber error; the process does not crash.
# slow
# (a fiber's C stack grows to the main fiber's: thousands of nested re-entries)
fn f(n) { return [n].map(fn(x) => f(x + 1)) }
spawn f(0)
spawn { print("other fiber fine") }
# expect: other fiber fine
# expect error: error in fiber 1:
# expect error: stack overflow
# expect exit: 1
