# float(string) parses a number; float(int) converts.
print(float("2.5"), float("-0.5"), float("3"), float(3), float("1e3"))
print(type(float("2.5")), type(float(3)))
# expect: 2.5 -0.5 3.0 3.0 1000.0
# expect: float float
