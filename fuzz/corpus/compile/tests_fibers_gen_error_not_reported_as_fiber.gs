# A generator's error is delivered to its resumer; caught there, it is not reported and exit is 0.
let g = fiber(fn() { error("oops") })
try { g.resume() } catch e { print("caught", e.message) }
# expect: caught oops
# expect exit: 0
