# map(fn) returns a new list of results.
let l = [1, 2, 3]
print(l.map(fn(x) => x * 2), l)
print([].map(fn(x) => x))
# expect: [2, 4, 6] [1, 2, 3]
# expect: []
