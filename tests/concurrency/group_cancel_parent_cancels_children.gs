# Cancelling the fiber that is inside group cancels all the children too.
let outer = spawn {
  group(fn(g) {
    for i in 0..2 { g.spawn(fn(x) { try { sleep(5) } finally { print("child", x, "stopped") } }, i) }
  })
}
yield
yield
outer.cancel()
try { outer.join() } catch e { print("outer:", e.kind) }
# expect: child 0 stopped
# expect: child 1 stopped
# expect: outer: cancelled
