# range(a, b, step) with a positive step: a, a + step, ... up to but not including b.
print(range(0, 10, 3).list(), len(range(0, 10, 3)))
print(range(0, 9, 3).list(), len(range(0, 9, 3)))
print(range(2, 5, 1).list())
# expect: [0, 3, 6, 9] 4
# expect: [0, 3, 6] 3
# expect: [2, 3, 4]
