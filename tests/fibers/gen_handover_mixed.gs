# The interpreter hands over between script frames itself (resume, for-in,
# yield); natives go through the runtime. Every mix of the two must agree.
fn counter(n) {
  return fiber(fn() {
    for i in 0..n { yield i }
    return "end"
  })
}

# script resume <-> script yield, then the generator returns
let g = counter(3)
print(g.resume(), g.resume(), g.resume(), g.resume(), g.done())

# a yield inside a native (map callback) answered by a script resume
let h = fiber(fn() { return [1, 2, 3].map(fn(x) => yield x * 10) })
print(h.resume(), h.resume("a"), h.resume("b"), h.resume("c"))

# a script yield answered by a resume through a bound method (a native call)
let k = counter(2)
let r = k.resume
print(r(), r(), r(), k.done())

# for-in over a generator whose yields come from native frames
let s = fiber(fn() { [5, 6].filter(fn(x) { yield x; return true }) })
for v in s { print("each", v) }

# a generator resuming another generator
let outer = fiber(fn() {
  let inner = counter(2)
  for v in inner { yield "inner " + str(v) }
  yield "outer done"
})
for v in outer { print(v) }

# an error thrown after a resume reaches the resumer's try, with the
# generator dead afterwards
let bad = fiber(fn(x) {
  let y = yield x
  throw "bad " + str(y)
})
print(bad.resume(1))
try { bad.resume(2) } catch e { print("caught", e) }
print(bad.done())
try { bad.resume() } catch e { print("caught", e.message) }

# resumed from a scheduled fiber, then from main
let shared = counter(4)
let w = spawn { return [shared.resume(), shared.resume()] }
print(w.join(), shared.resume(), shared.resume(), shared.resume())
# expect: 0 1 2 end true
# expect: 10 20 30 ["a", "b", "c"]
# expect: 0 1 end true
# expect: each 5
# expect: each 6
# expect: inner 0
# expect: inner 1
# expect: outer done
# expect: 1
# expect: caught bad 2
# expect: true
# expect: caught cannot resume dead fiber
# expect: [0, 1] 2 3 end
