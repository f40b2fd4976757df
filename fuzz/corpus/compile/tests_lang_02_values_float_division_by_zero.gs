# With floats, // 0 and % 0 follow IEEE instead of raising.
print(5.0 // 0.0, -5.0 // 0.0, 5.0 % 0.0)
# expect: inf -inf nan
