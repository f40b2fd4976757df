# floor/ceil raise when the result is not representable as an int.
fn t(f) { try { f() } catch e { print(e) } }
t(fn() => math.floor(math.nan))
t(fn() => math.floor(math.inf))
t(fn() => math.ceil(-math.inf))
t(fn() => math.ceil(1e19))
t(fn() => math.floor(9223372036854775808.0))
t(fn() => math.floor("3"))
t(fn() => math.floor())
t(fn() => math.ceil(1, 2))
# expect: math.floor: cannot convert nan to int
# expect: math.floor: inf out of int range
# expect: math.ceil: -inf out of int range
# expect: math.ceil: value out of int range
# expect: math.floor: value out of int range
# expect: math.floor() argument 1 must be a number, not string
# expect: math.floor() expects 1 argument, got 0
# expect: math.ceil() expects 1 argument, got 2
