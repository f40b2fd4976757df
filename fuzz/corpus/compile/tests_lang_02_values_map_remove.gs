# m.remove(k) deletes a key.
let m = {"a": 1, "b": 2, "c": 3}
m.remove("b")
print(m, len(m), m.has("b"), m["b"])
# expect: {"a": 1, "c": 3} 2 false nil
