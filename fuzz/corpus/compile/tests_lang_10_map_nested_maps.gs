# Maps nest; inner maps are modified in place.
let m = {"inner": {}}
m["inner"]["k"] = 1
m["inner"]["k"] += 1
print(m)
# expect: {"inner": {"k": 2}}
