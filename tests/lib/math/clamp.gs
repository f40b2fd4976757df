# math.clamp(x, lo, hi) limits x to [lo, hi] and returns the winning argument; lo > hi raises; NaN stays NaN.
print(math.clamp(5, 1, 3), math.clamp(-1, 0.5, 3), math.clamp(2, 1, 3), math.clamp(2.5, 1, 3), math.clamp(math.nan, 0, 1))
try { math.clamp(1, 3, 2) } catch e { print(e.message) }
# expect: 3 0.5 2 2.5 nan
# expect: math.clamp: lo is greater than hi
