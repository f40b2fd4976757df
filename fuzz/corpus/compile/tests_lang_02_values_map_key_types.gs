# Keys may be of any type (but nil and NaN); "1" and 1 differ.
let m = {"1": "str", 1: "int", true: "bool", 2.5: "float"}
print(m["1"], m[1], m[true], m[2.5], len(m))
print(m)
# expect: str int bool float 4
# expect: {"1": "str", 1: "int", true: "bool", 2.5: "float"}
