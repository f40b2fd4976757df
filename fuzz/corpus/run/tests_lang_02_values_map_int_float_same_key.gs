# 1 and 1.0 are the same key.
let m = {1: "a"}
m[1.0] = "b"
print(len(m), m[1], m[1.0])
print(m)
m[2.0] = "c"
print(m[2], m.has(2), len(m))
# expect: 1 b b
# expect: {1: "b"}
# expect: c true 2
