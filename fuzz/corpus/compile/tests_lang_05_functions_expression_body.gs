# fn(params) => expr has an expression body.
let twice = fn(x) => x * 2
let add = fn(a, b) => a + b
print(twice(21), add(1, 2), (fn() => "now")())
# expect: 42 3 now
