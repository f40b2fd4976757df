# Ints and floats sort together by value.
print([3, 1.5, 2, -1, 0.5].sort())
# expect: [-1, 0.5, 1.5, 2, 3]
