# A generator that yields again while closing is stopped there and is done.
let g = fiber(fn() {
  try { yield 1 } catch e { yield "ignored" }
  print("never")
})
g.resume()
g.close()
print(g.done())
try { g.resume() } catch e { print(e.message) }
# expect: true
# expect: cannot resume dead fiber
