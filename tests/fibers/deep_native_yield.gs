# Deep in native recursion (past a small fiber stack) a fiber still yields and resumes, an error unwinds through every level, and a generator left suspended there is freed cleanly.
# slow
fn down(n, at_bottom) {
  if n == 0 { return at_bottom() }
  return [n].map(fn(x) => down(x - 1, at_bottom))[0]
}
let ticks = 0
let ticker = spawn { while ticks >= 0 { ticks += 1; yield } }
let f = spawn down(3000, fn() { yield; sleep(0.01); yield; return "bottom" })
print(f.join(), ticks > 1)
ticks = -100
let caught = (spawn fn() {
  try { down(3000, fn() { throw "deep error" }) } catch e { return e }
}()).join()
print(caught)
let g = fiber(fn() { return down(3000, fn() => yield "at the bottom") })
print(g.resume())
g = nil
for i in 0..3 { let gen = fiber(fn() { return down(2000, fn() => yield i) }); gen.resume() }
print("dropped")
# expect: bottom true
# expect: deep error
# expect: at the bottom
# expect: dropped
