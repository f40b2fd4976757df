# Yield anywhere: yield inside try; after a resume, an error thrown in a map callback unwinds
# through the native map frame to the try in the same generator.
let g = fiber(fn() {
  try {
    yield "in try"
    [1, 2].map(fn(x) {
      let cmd = yield "in map ${x}"
      if cmd == "fail" { error("failed at ${x}") }
      return x
    })
    yield "not reached"
  } catch e {
    yield "caught: " + e.message
  }
  return "after try"
})
print(g.resume())
print(g.resume())
print(g.resume("ok"))
print(g.resume("fail"))
print(g.resume())
print(g.done())
# expect: in try
# expect: in map 1
# expect: in map 2
# expect: caught: failed at 2
# expect: after try
# expect: true
