# Changing a map during iteration must not crash (result unspecified).
let m = {"a": 1, "b": 2, "c": 3}
try {
  for k in m {
    m["new" + k] = 1
    if len(m) > 50 { break }
  }
} catch e {
}
let m2 = {"a": 1, "b": 2, "c": 3, "d": 4}
try {
  for k, v in m2 { m2.remove(k) }
} catch e {
}
print("ok", len(m) >= 3, len(m2) <= 4)
# expect: ok true true
