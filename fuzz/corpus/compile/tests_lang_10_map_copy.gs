# copy() is a shallow, independent copy keeping the order.
let a = {"x": 1, "l": [1]}
let b = a.copy()
b["x"] = 2
b["y"] = 3
b["l"].push(2)
print(a)
print(b)
# expect: {"x": 1, "l": [1, 2]}
# expect: {"x": 2, "l": [1, 2], "y": 3}
