# Yield anywhere: a generator's map callback both yields and blocks on a channel fed by another fiber.
let ch = chan()
spawn { for w in ["x", "y"] { ch.send(w) } }
let g = fiber(fn() {
  return [1, 2].map(fn(i) {
    let v = ch.recv()
    let extra = yield "${i}${v}"
    return "${v}${extra}"
  })
})
print(g.resume())
print(g.resume("!"))
print(g.resume("?"))
# expect: 1x
# expect: 2y
# expect: ["x!", "y?"]
