# '//' on ints is floored integer division.
print(10 // 3, -7 // 2, 7 // -2, -7 // -2, 6 // 3)
print(type(7 // 2))
# expect: 3 -4 -4 3 2
# expect: int
