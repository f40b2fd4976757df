# Trailing commas in list and map literals, arguments and parameters.
let l = [1, 2,]
let m = {"a": 1,}
fn f(a, b,) { return a + b }
print(l, m, f(1, 2,))
# expect: [1, 2] {"a": 1} 3
