# Resuming a finished generator raises `cannot resume dead fiber` (catchable).
let g = fiber(fn() { return 1 })
print(g.resume())
try {
  g.resume()
} catch e {
  print(e.message)
}
g.resume()
# expect: 1
# expect: cannot resume dead fiber
# expect error: gen_resume_dead.gs:9:1: cannot resume dead fiber
