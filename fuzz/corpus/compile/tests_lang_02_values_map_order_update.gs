# Assigning to an existing key keeps its position.
let m = {"x": 1, "y": 2, "z": 3}
m["x"] = 10
print(m)
# expect: {"x": 10, "y": 2, "z": 3}
