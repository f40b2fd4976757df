# any(fn) is true when fn is true for some element, all(fn) when for every one; empty: false and true.
let xs = [2, 4, 5]
print(xs.any(fn(x) => x % 2 == 1), xs.all(fn(x) => x % 2 == 0))
print(xs.any(fn(x) => x > 9), xs.all(fn(x) => x > 1))
print([].any(fn(x) => true), [].all(fn(x) => false))
# expect: true false
# expect: false true
# expect: false true
