# When the function returns, resume returns its return value and done() becomes true.
let g = fiber(fn() {
  yield 1
  return {"final": true}
})
print(g.resume(), g.done())
print(g.resume(), g.done())
let h = fiber(fn() { })
print(h.resume(), h.done())
# expect: 1 false
# expect: {"final": true} true
# expect: nil true
