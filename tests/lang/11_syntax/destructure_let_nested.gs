# Patterns nest: `let [a, [b, c]] = ...`.
let [name, [x, y], ...tags] = ["p", [3, 4], "a", "b"]
print(name, x, y, tags)
fn f(v) {
  let [[a, b], [c, d]] = v
  return a + b + c + d
}
print(f([[1, 2], [3, 4]]))
# expect: p 3 4 ["a", "b"]
# expect: 10
