# f.status() is running, ready, blocked, suspended or done.
let ch = chan()
let f = spawn { ch.recv() }
print(f.status())
yield
print(f.status())
let g = fiber(fn() { yield 1 })
print(g.status())
g.resume()
print(g.status())
print(current_fiber().status())
ch.send(1)
f.join()
print(f.status())
let bad = spawn { error("x") }
try { bad.join() } catch e { print(bad.status()) }
# expect: ready
# expect: blocked
# expect: suspended
# expect: suspended
# expect: running
# expect: done
# expect: done
