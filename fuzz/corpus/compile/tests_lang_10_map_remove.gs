# remove(k) deletes a key; other keys keep their order.
let m = {"a": 1, "b": 2, "c": 3}
m.remove("a")
print(m.keys(), m.len())
m.remove("c")
print(m)
# expect: ["b", "c"] 2
# expect: {"b": 2}
