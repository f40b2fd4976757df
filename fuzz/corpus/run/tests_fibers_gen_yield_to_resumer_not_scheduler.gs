# Inside a generator, yield always returns to the resumer, even when other fibers are ready.
spawn { print("spawned ran") }
let g = fiber(fn() { yield "a"; yield "b" })
print(g.resume())
print(g.resume())
print("main before yield")
yield
# expect: a
# expect: b
# expect: main before yield
# expect: spawned ran
