# Yield anywhere: a class's str() yields while print is formatting it, inside a generator.
class Slow {
  fn init(name) { self.name = name }
  fn str() {
    let decoration = yield "asked for ${self.name}"
    return "<${decoration}${self.name}${decoration}>"
  }
}
let g = fiber(fn() {
  print(Slow("a"))
  print("two:", Slow("b"), Slow("c"))
  print([Slow("d")])
  return "printed"
})
let marks = ["*", "-", "=", "~"]
let i = 0
let r = g.resume()
while not g.done() {
  print("resumer got:", r)
  r = g.resume(marks[i])
  i += 1
}
print(r)
# expect: resumer got: asked for a
# expect: <*a*>
# expect: resumer got: asked for b
# expect: resumer got: asked for c
# expect: two: <-b-> <=c=>
# expect: resumer got: asked for d
# expect: [<~d~>]
# expect: printed
