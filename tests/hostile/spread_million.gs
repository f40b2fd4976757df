# Hostile input: calls that spread a million-element list into arguments
# (script functions, natives, methods, classes, generators, spawn) either work
# or raise a catchable error; never a crash. Smaller spreads still work.
# slow
let l = []
for i in 0..1000000 { l.push(1) }
fn count(...xs) { return len(xs) }
fn two(a, b) { return a + b }
class K { fn init(...xs) { self.n = len(xs) } }
fn check(name, want, f) {
  try {
    let got = f()
    if got == want { print(name, "ok") } else { print(name, "WRONG: ${got}") }
  } catch e {
    if type(e.message) == "string" { print(name, "ok") } else { print(name, "WRONG") }
  }
}
check("script", 1000000, fn() => count(...l))
check("fixed arity", 2, fn() => two(...l))
check("native", 1, fn() => math.max(...l))
check("method", 1000001, fn() => [0].push(...l))
check("class", 1000000, fn() => K(...l).n)
check("generator", 1000000, fn() => fiber(count).resume(...l))
check("spawn", 1000000, fn() => (spawn count(...l)).join())
check("three spreads", 3000000, fn() => count(...l, ...l, ...l))
let small = l[0:1000]
print(count(...small), count(0, ...small, 0))
# expect: script ok
# expect: fixed arity ok
# expect: native ok
# expect: method ok
# expect: class ok
# expect: generator ok
# expect: spawn ok
# expect: three spreads ok
# expect: 1000 1002
