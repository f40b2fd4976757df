# filter(fn) keeps the elements for which fn returns a truthy value.
print([1, 2, 3, 4].filter(fn(x) => x % 2 == 0))
print([0, nil, 1, false, ""].filter(fn(x) => x))
# expect: [2, 4]
# expect: [0, 1, ""]
