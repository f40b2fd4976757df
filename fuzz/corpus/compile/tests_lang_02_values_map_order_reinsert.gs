# A removed key that is added again goes to the end.
let m = {"x": 1, "y": 2, "z": 3}
m.remove("x")
m["x"] = 4
print(m)
# expect: {"y": 2, "z": 3, "x": 4}
