# spawn CALL returns the new fiber, whose type() is "fiber".
fn work() { return 1 }
let f = spawn work()
print(type(f))
print(f.join())
# expect: fiber
# expect: 1
