# A generator cannot resume itself, and a scheduled fiber cannot be resumed; both raise an error.
let g = fiber(fn() {
  let me = yield
  try { me.resume() } catch e { print("self resume: error") }
  return "ok"
})
g.resume()
print(g.resume(g))
let f = spawn { }
try { f.resume() } catch e { print("resume scheduled: error") }
# expect: self resume: error
# expect: ok
# expect: resume scheduled: error
