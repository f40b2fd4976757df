# Yield anywhere: sort's comparator is answered by the resumer, one comparison per resume.
let g = fiber(fn(xs) {
  return xs.sort(fn(a, b) => yield [a, b])
})
let asked = 0
let r = g.resume([5, 3, 9, 1, 7, 2, 8])
while not g.done() {
  asked += 1
  r = g.resume(r[0] < r[1])
}
print(r)
print(asked > 0)
# expect: [1, 2, 3, 5, 7, 8, 9]
# expect: true
