# Yield anywhere: yield inside for loops over a list, a map, a range and a string in a generator.
let g = fiber(fn() {
  for x in [1, 2] { yield x }
  for k, v in {"a": 3} { yield "${k}=${v}" }
  for i in 4..6 { yield i }
  for ch in "xy" { yield ch }
  for i, v in ["p", "q"] { yield "${i}:${v}" }
})
let got = []
for v in g { got.push(v) }
print(got)
# expect: [1, 2, "a=3", 4, 5, "x", "y", "0:p", "1:q"]
