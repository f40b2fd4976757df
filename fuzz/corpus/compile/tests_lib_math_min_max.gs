# min/max take one or more numbers, or one list; the winner keeps its type.
print(math.min(3, 1, 2), math.max(3, 1, 2), math.min(5), math.max(-1))
print(math.min(2, 1.5), math.max(2, 1.5), math.min([4, -2.5, 9]), math.max([4, -2.5, 9]))
print(math.max(1, 1.0), math.max(1.0, 1), math.min(2, 2.0), math.min(2.0, 2))
print(math.max(9223372036854775807, 9.2e18), math.min(-math.inf, 0))
print(type(math.max([1, 2.0, 3])), type(math.min(1, 2.0)))
# expect: 1 3 5 -1
# expect: 1.5 2 -2.5 9
# expect: 1 1.0 2 2.0
# expect: 9223372036854775807 -inf
# expect: int int
