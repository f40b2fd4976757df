# for-in over a generator gives its yields, not its return value.
fn count_to(n) {
  return fiber(fn() {
    for i in 1..n + 1 { yield i }
    return "the return value"
  })
}
for v in count_to(3) { print(v) }
let g = count_to(2)
for v in g { print("g", v) }
print(g.done())
# expect: 1
# expect: 2
# expect: 3
# expect: g 1
# expect: g 2
# expect: true
