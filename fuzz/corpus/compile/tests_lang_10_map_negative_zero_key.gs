# -0.0 and 0 are equal numbers, so they are the same key.
let m = {}
m[0] = "zero"
print(m[-0.0], m[0.0], len(m))
# expect: zero zero 1
