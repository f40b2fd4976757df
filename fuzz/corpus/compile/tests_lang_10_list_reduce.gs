# reduce(fn, init) folds from the left starting with init.
print([1, 2, 3].reduce(fn(acc, x) => acc + x, 0))
print([1, 2, 3].reduce(fn(acc, x) => acc + x, 10))
print(["a", "b"].reduce(fn(acc, x) => acc + x, ">"))
print([].reduce(fn(acc, x) => acc + x, 42))
# expect: 6
# expect: 16
# expect: >ab
# expect: 42
