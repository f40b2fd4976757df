# Map values may be nil; the key still exists.
let m = {"a": nil}
m["b"] = nil
print(m, len(m), m.has("a"), m.has("c"))
# expect: {"a": nil, "b": nil} 2 true false
