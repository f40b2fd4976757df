# Yield anywhere: str(x) and string interpolation call a class's str(), which yields to the resumer.
class Ask {
  fn str() { return yield "need a string" }
}
let g = fiber(fn() {
  let a = str(Ask())
  let b = "interpolated: ${Ask()}!"
  let c = "concat " + str([Ask(), 1])
  return [a, b, c]
})
print(g.resume())
print(g.resume("one"))
print(g.resume("two"))
print(g.resume("three"))
# expect: need a string
# expect: need a string
# expect: need a string
# expect: ["one", "interpolated: two!", "concat [three, 1]"]
