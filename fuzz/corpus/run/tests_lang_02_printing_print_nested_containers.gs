# Inside lists and maps, strings are quoted.
print([1, "a", nil, {"k": 2.5}])
# expect: [1, "a", nil, {"k": 2.5}]
