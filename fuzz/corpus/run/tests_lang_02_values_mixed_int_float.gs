# Arithmetic mixing int and float gives a float.
print(1 + 2.0, 3 * 1.5, 5 - 0.5, 2.0 * 3)
print(type(1 + 1.0), type(1 + 1))
# expect: 3.0 4.5 4.5 6.0
# expect: float int
