# unique() keeps the first occurrence of each element, in order; 1 and 1.0 are the same, like map keys.
print([3, 1, 3, 2, 1].unique())
print([1, 1.0, "1", "1"].unique())
print([1.0, 1].unique())
print([nil, 1, nil, false, false].unique())
print([].unique())
# expect: [3, 1, 2]
# expect: [1, "1"]
# expect: [1.0]
# expect: [nil, 1, false]
# expect: []
