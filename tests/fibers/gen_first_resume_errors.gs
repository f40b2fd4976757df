# A generator's first resume (by g.resume(...) or for-in) that fails — wrong
# argument count, or an error before the first yield — raises in the resumer,
# which can catch it; the generator is then dead.
let g = fiber(fn(a) { return a })
try { g.resume() } catch e { print("resume:", e.message, g.status()) }
try { for v in fiber(fn(a) { yield a }) { print(v) } } catch e { print("for:", e.message) }
let h = fiber(fn(n) { if n > 1 { error("too big: " + str(n)) } yield n })
try { h.resume(5) } catch e { print("first:", e.message, h.done()) }
let total = 0
for i in 0..1000 {
  let k = fiber(fn(x) { let y = yield x * 2
    return x + y })
  total += k.resume(i) + k.resume(1)
}
print(total)
# expect: resume: anonymous() expects 1 argument, got 0 done
# expect: for: anonymous() expects 1 argument, got 0
# expect: first: too big: 5 true
# expect: 1499500
