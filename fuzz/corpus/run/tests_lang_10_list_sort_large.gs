# Sorting a larger pseudo-random list.
let l = []
let x = 12345
for i in 0..2000 {
  x = (x * 1103515245 + 12345) % 2147483648
  l.push(x % 1000)
}
l.sort()
let ok = true
for i in 1..len(l) {
  if l[i - 1] > l[i] { ok = false }
}
print(ok, len(l))
let desc = []
for i in 0..1000 { desc.push(1000 - i) }
desc.sort()
print(desc[0], desc[999])
# expect: true 2000
# expect: 1 1000
