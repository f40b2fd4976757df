# find(fn) returns the first element for which fn is true, or nil; it stops there.
let calls = 0
let r = [1, 4, 6, 8].find(fn(x) { calls += 1; return x % 2 == 0 })
print(r, calls)
print([1, 3].find(fn(x) => x > 5))
print([].find(fn(x) => true))
print([nil, false, 0].find(fn(x) => x == 0))
# expect: 4 2
# expect: nil
# expect: nil
# expect: 0
