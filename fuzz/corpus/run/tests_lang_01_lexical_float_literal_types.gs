# A literal with a dot or an exponent is a float.
print(type(1e3), type(1.0), type(10))
# expect: float float int
