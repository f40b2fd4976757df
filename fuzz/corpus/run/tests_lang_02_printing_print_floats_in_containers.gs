# Floats inside containers use the same format.
print([1.0, 0.1 + 0.2, 1e100, -0.5], {"f": 2.0})
# expect: [1.0, 0.3, 1e+100, -0.5] {"f": 2.0}
