# Yield anywhere: a scheduled fiber yields inside a filter callback; the others interleave.
let log = []
let f = spawn {
  return [0, 1, 2, 3, 4, 5].filter(fn(x) {
    log.push("f${x}")
    yield
    return x % 2 == 0
  })
}
spawn { for i in 0..3 { log.push("t${i}"); yield } }
print(f.join())
print(log)
# expect: [0, 2, 4]
# expect: ["f0", "t0", "f1", "t1", "f2", "t2", "f3", "f4", "f5"]
