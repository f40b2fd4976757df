# f(...list) spreads a list into arguments.
fn add3(a, b, c) { return a + b + c }
let l = [1, 2, 3]
print(add3(...l))
let rest = [2, 3]
print(add3(1, ...rest))
fn count(...xs) { return len(xs) }
print(count(...[]), count(...[4, 5]), count(0, ...[4, 5]))
# expect: 6
# expect: 6
# expect: 0 2 3
