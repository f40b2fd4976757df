# math.pi, math.inf and math.nan are floats with their usual values.
print(math.pi, type(math.pi))
print(math.inf, -math.inf, math.inf > 1e308)
print(math.nan, math.nan == math.nan, type(math.nan))
# expect: 3.1415926535898 float
# expect: inf -inf true
# expect: nan false float
