# A float that looks like an integer gets ".0".
print(1.0, 100.0, -2.0, 3.0 * 2, 1e13, 0.0)
# expect: 1.0 100.0 -2.0 6.0 10000000000000.0 0.0
