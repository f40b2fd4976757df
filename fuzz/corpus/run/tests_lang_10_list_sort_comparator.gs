# sort(cmp): cmp(a, b) is true when a must come before b.
print([3, 1, 2].sort(fn(a, b) => a > b))
print(["ccc", "a", "bb"].sort(fn(a, b) => len(a) < len(b)))
# expect: [3, 2, 1]
# expect: ["a", "bb", "ccc"]
