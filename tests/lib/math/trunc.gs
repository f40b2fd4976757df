# math.trunc drops the fraction (toward zero) and returns an int; NaN raises.
print(math.trunc(3.9), math.trunc(-3.9), math.trunc(-0.5), math.trunc(12))
try { math.trunc(math.nan) } catch e { print(e.message) }
# expect: 3 -3 0 12
# expect: math.trunc: cannot convert nan to int
