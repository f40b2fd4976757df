# A float with an exact integer value is accepted by bitwise operators.
print(3.0 & 1, 4.0 | 1, 1 << 2.0, 8 >> 1.0)
print(type(3.0 & 1))
# expect: 1 5 4 4
# expect: int
