# A generator can be resumed from a spawned fiber, and later from main.
let g = fiber(fn() {
  let n = 0
  while true { n += 1; yield n }
})
let f = spawn {
  print("fiber", g.resume(), g.resume())
}
f.join()
print("main", g.resume())
# expect: fiber 1 2
# expect: main 3
