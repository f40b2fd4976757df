# Infinities print as inf / -inf and NaN as nan.
let inf = 1e308 * 10
print(inf, -inf, inf - inf, -(inf - inf))
# expect: inf -inf nan nan
