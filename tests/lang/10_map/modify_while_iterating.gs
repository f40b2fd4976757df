# Inserting and removing keys while iterating over a map is safe: the loop
# ends, every key it yields is one the map holds or held, and the map is
# right afterwards (which keys the loop visits is unspecified).
let m = {}
for i in 0..100 { m[i] = i }
let seen = 0
let strange = 0
for k, v in m {
  seen += 1
  if v != nil and k != v { strange += 1 }
  if k % 3 == 0 { m.remove(k) }
  if k < 1000 { m[k + 1000] = k + 1000 }    # forces growth and compaction
  if seen > 10000 { break }
}
let ok = true
for i in 0..100 {
  # never removed: still there with its value
  if i % 3 != 0 and m[i] != i { ok = false }
}
print(seen <= 10000, strange, ok, m.has(1000), m[1099])
# expect: true 0 true true 1099
