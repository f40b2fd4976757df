# range(a, b, step) with a negative step counts down, b excluded.
for i in range(10, 0, -2) { print(i) }
print(range(3, -1, -1).list())
# expect: 10
# expect: 8
# expect: 6
# expect: 4
# expect: 2
# expect: [3, 2, 1, 0]
