# A map with many keys.
let m = {}
for i in 0..5000 { m[i] = i * i }
let ok = true
for i in 0..5000 {
  if m[i] != i * i { ok = false }
}
print(ok, len(m), m[4999], m[5000])
# expect: true 5000 24990001 nil
