# Yield anywhere: a scheduled fiber yields in sort's comparator; a second sorter runs meanwhile.
fn sorter(xs, desc) {
  return xs.sort(fn(a, b) {
    yield
    if desc { return a > b }
    return a < b
  })
}
let steps = 0
let watcher = spawn { while steps >= 0 { steps += 1; yield } }
let a = spawn sorter([4, 1, 3, 5, 2], false)
let b = spawn sorter(["b", "d", "a", "c"], true)
print(a.join())
print(b.join())
print(steps > 5)
steps = -100
# expect: [1, 2, 3, 4, 5]
# expect: ["d", "c", "b", "a"]
# expect: true
