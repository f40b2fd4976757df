# fiber(fn) creates a suspended fiber that is not scheduled: yielding, blocking or ending main never runs it.
let g = fiber(fn() { print("generator body ran") })
print(type(g), g.done())
yield
sleep(0.01)
let f = spawn { print("spawned fiber ran") }
f.join()
print("main done")
# expect: fiber false
# expect: spawned fiber ran
# expect: main done
