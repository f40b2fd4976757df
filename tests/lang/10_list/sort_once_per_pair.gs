# sort asks the comparator about each pair of elements at most once, in either order (§11).
fn count_sort(l) {
  let asked = {}
  let calls = 0
  let repeats = 0
  l.sort(fn(a, b) {
    calls += 1
    let key = "${b} ${a}"
    if a < b { key = "${a} ${b}" }
    if asked.has(key) { repeats += 1 }
    asked[key] = true
    return a < b
  })
  return [calls, repeats]
}
print(count_sort([2, 1]))
print(count_sort([1, 2]))
fn ascending(l) {
  for i in 1..len(l) { if l[i - 1] > l[i] { return false } }
  return true
}
# a shuffled permutation, sorted and reversed input, and runs of different lengths
let shuffled = (0..500).list()
let x = 7
for i in 0..500 {
  x = (x * 1103515245 + 12345) % 2147483648
  let j = x % 500
  let t = shuffled[i]; shuffled[i] = shuffled[j]; shuffled[j] = t
}
let runs = []
for i in 0..300 { runs.push((i * 37) % 301) }
for l in [shuffled, (0..500).list(), (0..500).list().reverse(), runs] {
  print(count_sort(l)[1], ascending(l))
}
# expect: [1, 0]
# expect: [1, 0]
# expect: 0 true
# expect: 0 true
# expect: 0 true
# expect: 0 true
