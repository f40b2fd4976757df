# A str() that yields and, once resumed, throws: the error unwinds through print / str() /
# interpolation to a try in the same fiber (generator and scheduled fiber alike).
class Bad {
  fn str() {
    yield "about to fail"
    error("str failed")
  }
}
let g = fiber(fn() {
  let caught = []
  try { print("x", [Bad()]) } catch e { caught.push("print: " + e.message) }
  try { str({"k": Bad()}) } catch e { caught.push("str: " + e.message) }
  try { let s = "i ${Bad()}" } catch e { caught.push("interp: " + e.message) }
  return caught
})
let r = g.resume()
while not g.done() { r = g.resume() }
print(r)
let f = spawn {
  try { print([1, Bad(), 2]) } catch e { return "fiber: " + e.message }
}
spawn { for i in 0..3 { yield } }
print(f.join())
# expect: ["print: str failed", "str: str failed", "interp: str failed"]
# expect: fiber: str failed
