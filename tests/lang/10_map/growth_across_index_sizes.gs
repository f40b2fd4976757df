# A map keeps finding every key, and only its keys, as it grows through
# many sizes (its index is rebuilt with more position bits at each step).
let m = {}
let s = {}
let bad = 0
let n = 0
let next_check = 4
while n < 70000 {
  m[n * 3] = n
  if n < 5000 { s["k" + str(n)] = n }
  n += 1
  if n == next_check - 1 or n == next_check or n == next_check + 1 {
    for i in 0..n { if m[i * 3] != i { bad += 1 } }
    if m.has(n * 3) or m.has(1) or m.has(-3) { bad += 1 }
    if n <= 5000 {
      for i in 0..n { if s["k" + str(i)] != i { bad += 1 } }
      if s.has("k" + str(n)) { bad += 1 }
    }
    if n == next_check + 1 { next_check *= 2 }
  }
}
print(bad, len(m), len(s))
let first = []
for k in s { if len(first) < 3 { first.push(k) } }
print(first, m.keys()[-1])
# expect: 0 70000 5000
# expect: ["k0", "k1", "k2"] 209997
