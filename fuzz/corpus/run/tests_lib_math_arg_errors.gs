# Every math function checks its argument count and types.
fn t(f) { try { f() } catch e { print(e) } }
t(fn() => math.sqrt("4"))
t(fn() => math.sin())
t(fn() => math.cos(1, 2))
t(fn() => math.tan([1]))
t(fn() => math.atan2(1))
t(fn() => math.exp(true))
# expect: math.sqrt() argument 1 must be a number, not string
# expect: math.sin() expects 1 argument, got 0
# expect: math.cos() expects 1 argument, got 2
# expect: math.tan() argument 1 must be a number, not list
# expect: math.atan2() expects 2 arguments, got 1
# expect: math.exp() argument 1 must be a number, not bool
