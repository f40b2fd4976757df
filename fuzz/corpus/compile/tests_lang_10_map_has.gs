# has(k) tests for a key.
let m = {"a": 1, 1: "one", "n": nil}
print(m.has("a"), m.has("z"), m.has(1.0), m.has("n"))
# expect: true false true true
