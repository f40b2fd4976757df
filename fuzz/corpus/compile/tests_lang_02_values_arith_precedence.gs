# * / // % bind tighter than + -; both are left-associative.
print(2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 2 * 3 % 4, 100 / 10 / 5)
print(-3 + 5, 7 - -2, 20 // 3 * 3, 1 + 7 % 4)
# expect: 14 20 3 2 2.0
# expect: 2 9 18 4
