# '%' on floats is floored too.
print(5.5 % 2, -5.5 % 2, 5.5 % -2, type(5 % 2.0))
# expect: 1.5 0.5 -0.5 float
