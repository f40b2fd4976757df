# random(a, b) gives ints in [a, b] inclusive, reaching both ends.
math.seed(7)
let seen = {}
let ok = true
for i in 0..6000 {
  let r = math.random(1, 6)
  if type(r) != "int" or r < 1 or r > 6 { ok = false }
  seen[r] = true
}
print(ok, seen.len(), seen.has(1), seen.has(6))
let neg = true
for i in 0..1000 { let r = math.random(-3, -1); if r < -3 or r > -1 { neg = false } }
print(neg, math.random(5, 5), math.random(2.0, 2))
# expect: true 6 true true
# expect: true 5 2
