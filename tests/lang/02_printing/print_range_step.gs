# A range with a step other than 1 prints as the range() call that makes it; step 1 prints as a..b.
print(range(10, 0, -2), range(0, 10, 3))
print((0..5).reversed(), (0..10).step(-3))
print(range(2, 5, 1), (0..4).step(1), [range(0, 4, 2)])
# expect: range(10, 0, -2) range(0, 10, 3)
# expect: range(4, -1, -1) range(9, -3, -3)
# expect: 2..5 0..4 [range(0, 4, 2)]
