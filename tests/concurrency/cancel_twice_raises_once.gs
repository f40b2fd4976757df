# Cancelling twice before it is raised raises it once.
let f = spawn {
  let n = 0
  for i in 0..3 {
    try { sleep(0.01) } catch e { n += 1 }
  }
  return n
}
yield
f.cancel()
f.cancel()
print(f.join())
# expect: 1
