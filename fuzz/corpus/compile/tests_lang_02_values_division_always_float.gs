# '/' always gives a float.
print(7 / 2, 6 / 2, 1 / 4, -9 / 3)
print(type(6 / 2))
# expect: 3.5 3.0 0.25 -3.0
# expect: float
