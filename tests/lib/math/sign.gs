# math.sign gives -1, 0 or 1 of the argument's type; NaN and -0.0 come back unchanged.
print(math.sign(-7), math.sign(0), math.sign(3), math.sign(-2.5), math.sign(0.5), math.sign(math.min_int))
print(math.sign(-0.0), math.sign(math.nan), math.sign(-math.inf))
# expect: -1 0 1 -1.0 1.0 -1
# expect: -0.0 nan -1.0
