# A comparator that throws: the error propagates, no element is lost.
let l = [5, 3, 8, 1, 9, 2]
try {
  l.sort(fn(a, b) { throw "nope" })
} catch e {
  print(e)
}
let total = 0
for v in l { total += v }
print(len(l), total)
# expect: nope
# expect: 6 28
