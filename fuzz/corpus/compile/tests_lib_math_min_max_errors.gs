# min/max need at least one number; lists must be non-empty lists of numbers.
fn t(f) { try { f() } catch e { print(e) } }
t(fn() => math.min())
t(fn() => math.max([]))
t(fn() => math.min(1, "a"))
t(fn() => math.max([1, nil]))
t(fn() => math.min([1], [2]))
# expect: math.min() expects at least 1 argument, got 0
# expect: math.max: empty list
# expect: math.min() argument 2 must be a number, not string
# expect: math.max: list element 1 must be a number, not nil
# expect: math.min() argument 1 must be a number, not list
