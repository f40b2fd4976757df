# Yield anywhere: a filter predicate asks the resumer, via yield, whether to keep each element.
let g = fiber(fn() {
  return ["apple", "bob", "cherry", "dan"].filter(fn(w) => yield w)
})
let w = g.resume()
while not g.done() {
  w = g.resume(len(w) > 3)
}
print(w)
# expect: ["apple", "cherry"]
