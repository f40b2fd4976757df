# print() with no arguments writes an empty line.
print()
print("x")
# expect:
# expect: x
