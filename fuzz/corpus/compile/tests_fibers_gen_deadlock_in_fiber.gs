# A spawned fiber resuming a generator that blocks forever, joined by main: deadlock of all three.
let g = fiber(fn() { return chan().recv() })
let f = spawn { print("fiber got", g.resume()) }
f.join()
print("not reached")
# expect error: deadlock: 3 fibers blocked
# expect exit: 1
