# ** is right-associative and binds tighter than unary minus.
print(2 ** 3 ** 2)
print(-2 ** 2)
print((-2) ** 2)
print((-2) ** 3)
print(2 * 3 ** 2)
# expect: 512
# expect: -4
# expect: 4
# expect: -8
# expect: 18
