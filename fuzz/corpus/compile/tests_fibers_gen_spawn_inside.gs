# A fiber spawned inside a generator is scheduled normally; its yields do not go to the generator's resumer.
let log = []
let g = fiber(fn() {
  spawn { log.push("child 1"); yield; log.push("child 2") }
  yield "from generator"
  return "generator end"
})
print(g.resume())
print(log)
yield
print(log)
print(g.resume())
yield
print(log)
# expect: from generator
# expect: []
# expect: ["child 1"]
# expect: generator end
# expect: ["child 1", "child 2"]
