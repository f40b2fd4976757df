# get(k, default) returns the value, or default when the key is missing.
let m = {"a": 2}
print(m.get("a", 0), m.get("zz", 0), m.get("zz", "none"))
# expect: 2 0 none
