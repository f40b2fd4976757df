# A step pointing away from the end gives an empty range.
print(range(0, 5, -1).list(), len(range(0, 5, -1)))
print(range(5, 0, 2).list(), len(range(5, 0, 2)))
print(range(4, 4, -1).list())
for i in range(0, 5, -1) { print("never") }
# expect: [] 0
# expect: [] 0
# expect: []
