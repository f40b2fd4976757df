# random takes 0 or 2 int arguments, with a <= b.
fn t(f) { try { f() } catch e { print(e) } }
t(fn() => math.random(6))
t(fn() => math.random(1, 2, 3))
t(fn() => math.random(5, 1))
t(fn() => math.random(1.5, 2))
t(fn() => math.random(1, "6"))
t(fn() => math.seed("x"))
t(fn() => math.seed(1, 2))
# expect: math.random() expects 0 or 2 arguments, got 1
# expect: math.random() expects 0 or 2 arguments, got 3
# expect: math.random: empty interval [5, 1]
# expect: math.random() argument 1 must be an int, not float
# expect: math.random() argument 2 must be an int, not string
# expect: math.seed() argument 1 must be a number, not string
# expect: math.seed() expects 0 or 1 arguments, got 2
