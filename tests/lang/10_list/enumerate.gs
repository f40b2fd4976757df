# enumerate() gives [index, element] pairs; enumerate(start) counts from start.
print(["a", "b"].enumerate())
print(["a", "b"].enumerate(1))
print([].enumerate())
for [i, w] in ["x", "y"].enumerate() { print(i, w) }
# expect: [[0, "a"], [1, "b"]]
# expect: [[1, "a"], [2, "b"]]
# expect: []
# expect: 0 x
# expect: 1 y
