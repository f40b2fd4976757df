# Bitwise operators on ints.
print(6 & 3, 6 | 3, 6 ^ 3, ~0, ~5, 1 << 4, 256 >> 4)
# expect: 2 7 5 -1 -6 16 16
