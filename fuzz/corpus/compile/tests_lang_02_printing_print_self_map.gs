# A map that contains itself prints {...} at the cycle.
let m = {"a": 1}
m["me"] = m
print(m)
# expect: {"a": 1, "me": {...}}
