# math.round(x, digits) gives a float with that many decimals (negative digits round to tens, hundreds...).
print(math.round(1.23456, 3), math.round(-1.5, 0), math.round(2.675, 2), math.round(1234, -2), math.round(5, 2))
print(math.round(1e300, 2), math.round(1.5, 400), math.round(123.0, -400), math.round(math.inf, 1))
# expect: 1.235 -2.0 2.68 1200.0 5.0
# expect: 1e+300 1.5 0.0 inf
