# spawn CALL evaluates the callee and its arguments in the spawner, at spawn time.
fn add(a, b, c) { print("add", a, b, c); return a + b + c }
let x = 1
let f = spawn add(x, x + 1, x * 10)
x = 100
print("spawned")
print(f.join())
# expect: spawned
# expect: add 1 2 10
# expect: 13
