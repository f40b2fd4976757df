# 'for k in map' gives the keys in insertion order.
let m = {"x": 1, "y": 2, "z": 3}
for k in m { print(k) }
for k in {} { print("never") }
# expect: x
# expect: y
# expect: z
