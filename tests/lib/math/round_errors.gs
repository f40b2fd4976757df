# math.round without digits raises for NaN, infinities and results outside the int range; bad arguments raise.
for x in [math.nan, math.inf, 1e300] { try { math.round(x) } catch e { print(e.message) } }
try { math.round("1") } catch e { print(e.message) }
try { math.round(1.5, 0.5) } catch e { print(e.message) }
# expect: math.round: cannot convert nan to int
# expect: math.round: inf out of int range
# expect: math.round: value out of int range
# expect: math.round() argument 1 must be a number, not string
# expect: math.round() argument 2 must be an int, not float
