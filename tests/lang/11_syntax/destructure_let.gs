# `let [a, b] = pair` declares one variable per item.
let pair = ["x", 2]
let [a, b] = pair
print(a, b)
fn inner() {
  let [p, q, r] = [1, [2], nil]
  return [r, q, p]
}
print(inner())
# expect: x 2
# expect: [nil, [2], 1]
