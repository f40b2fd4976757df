# Float literals: fraction, exponent (with sign, either case), underscores.
print(3.14, 1e9, 1e+9, 2.5e-3, 4.84E+00, 1_000.5)
print(0.5, 10.0, 1E2)
# expect: 3.14 1000000000.0 1000000000.0 0.0025 4.84 1000.5
# expect: 0.5 10.0 100.0
