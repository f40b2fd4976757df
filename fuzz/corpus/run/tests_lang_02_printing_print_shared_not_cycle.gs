# The same container twice (without a cycle) prints in full each time.
let a = [1]
print([a, a])
print({"x": a, "y": a})
# expect: [[1], [1]]
# expect: {"x": [1], "y": [1]}
