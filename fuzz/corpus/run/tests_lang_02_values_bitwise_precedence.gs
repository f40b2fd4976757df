# Precedence: comparisons < | < ^ < & < shifts < .. < + - (loosest first).
print(6 & 3 == 2)
print(1 | 2 ^ 3 & 4)
print(1 << 2 + 1)
print(5 & 3 | 8)
print(1 | 6 ^ 4)
# expect: true
# expect: 3
# expect: 8
# expect: 9
# expect: 3
