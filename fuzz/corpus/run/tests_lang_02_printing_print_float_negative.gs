# Negative floats follow the same rules.
print(-1.5, -1e-05, -1e20, -100.0, -0.1 - 0.2)
# expect: -1.5 -1e-05 -1e+20 -100.0 -0.3
