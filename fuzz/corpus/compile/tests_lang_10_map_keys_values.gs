# keys() and values() return lists in insertion order.
let m = {"b": 1, "a": 2}
m["c"] = 3
print(m.keys(), m.values())
print({}.keys(), {}.values())
# expect: ["b", "a", "c"] [1, 2, 3]
# expect: [] []
