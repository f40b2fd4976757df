# Insertion order survives growth and removals.
let m = {}
for i in 0..300 { m["k${i}"] = i }
for i in 0..300 {
  if i % 3 == 0 { m.remove("k${i}") }
}
let prev = -1
let ok = true
let n = 0
for k, v in m {
  if v <= prev or v % 3 == 0 or k != "k${v}" { ok = false }
  prev = v
  n += 1
}
print(ok, n, len(m))
# expect: true 200 200
