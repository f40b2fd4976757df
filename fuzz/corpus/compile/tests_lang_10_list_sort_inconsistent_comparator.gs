# An inconsistent comparator must not crash or lose elements.
let l = []
for i in 0..100 { l.push(i) }
let n = 0
l.sort(fn(a, b) {
  n += 1
  return n % 3 == 0
})
l.sort(fn(a, b) => true)
print(len(l))
let seen = {}
for v in l { seen[v] = true }
print(len(seen))
l.sort()
print(l[0], l[99])
# expect: 100
# expect: 100
# expect: 0 99
