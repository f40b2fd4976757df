# Changing a list during iteration must not crash (result unspecified).
let l = [1, 2, 3]
try {
  for v in l {
    if len(l) < 20 { l.push(v) }
  }
} catch e {
}
let l2 = [1, 2, 3, 4, 5]
try {
  for v in l2 { l2.pop() }
} catch e {
}
print("ok", len(l) >= 3, len(l2) <= 5)
# expect: ok true true
