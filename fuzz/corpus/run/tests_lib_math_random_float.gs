# random() gives floats in [0, 1) that are not all the same.
let lo = 1.0
let hi = 0.0
let ok = true
for i in 0..10000 {
  let r = math.random()
  if type(r) != "float" or r < 0 or r >= 1 { ok = false }
  lo = math.min(lo, r)
  hi = math.max(hi, r)
}
print(ok, lo < 0.01, hi > 0.99)
# expect: true true true
