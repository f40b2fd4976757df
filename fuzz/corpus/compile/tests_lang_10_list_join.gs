# join(sep) joins string elements.
print(["a", "b", "c"].join(", "), ["x"].join("-"))
print("[" + [].join(",") + "]")
# expect: a, b, c x
# expect: []
