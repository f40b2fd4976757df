# Builtins are functions and can be passed around.
print(["a", "bb", ""].map(len))
print([1, 2].map(str))
# expect: [1, 2, 0]
# expect: ["1", "2"]
