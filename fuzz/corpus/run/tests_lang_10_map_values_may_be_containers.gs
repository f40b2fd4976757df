# Values of any type, including functions.
let m = {"f": fn(x) => x + 1, "l": [1, 2]}
print(m["f"](1), m["l"][1])
# expect: 2 2
