# An error inside a generator propagates out of resume, and the generator is dead afterwards.
fn body() {
  yield "first"
  error("inside generator")
}
let g = fiber(body)
print(g.resume())
try {
  g.resume()
} catch e {
  print("caught:", e.message)
}
print(g.done())
try { g.resume() } catch e { print(e.message) }
# expect: first
# expect: caught: inside generator
# expect: true
# expect: cannot resume dead fiber
