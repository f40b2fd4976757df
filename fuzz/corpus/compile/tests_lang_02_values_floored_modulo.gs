# Floored modulo takes the sign of the divisor.
print(-7 % 3)
print(7 % -3)
print(7 % 3)
print(-7 % -3)
print(6 % 3)
# expect: 2
# expect: -2
# expect: 1
# expect: -1
# expect: 0
