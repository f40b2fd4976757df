# m[k] = v adds or replaces.
let m = {}
m["a"] = 1
m["b"] = 2
m["a"] = 3
m[7] = "seven"
print(m, len(m))
# expect: {"a": 3, "b": 2, 7: "seven"} 3
