# spawn CALL accepts any call, including one that spreads a list into arguments.
fn add(a, b, c) { return a + b + c }
let rest = [2, 3]
let f = spawn add(1, ...rest)
let g = spawn add(...[10, 20, 30])
print(f.join(), g.join())
# expect: 6 60
