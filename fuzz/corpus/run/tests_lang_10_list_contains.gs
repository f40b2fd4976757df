# contains(v) tests membership with ==.
print([1, 2, 3].contains(2), [1, 2, 3].contains(5), ["a"].contains("a"), [nil].contains(nil))
# expect: true false true true
