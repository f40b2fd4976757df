# '//' with a float operand floors and gives a float.
print(7.5 // 2, -7.5 // 2, 7 // 2.0, type(7 // 2.0))
# expect: 3.0 -4.0 3.0 float
