# A resumer waiting for its generator that blocked is "blocked".
let ch = chan()
let gen = fiber(fn() { yield ch.recv() })
let r = spawn { return gen.resume() }
yield
print(r.status(), gen.status())
ch.send(5)
print(r.join())
# expect: blocked blocked
# expect: 5
