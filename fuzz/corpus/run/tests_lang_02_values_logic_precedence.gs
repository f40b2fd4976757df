# Precedence: 'or' is loosest, then 'and', then 'not', then comparisons.
print(true or false and false)
print(false and true or true)
print(not false and false)
print(not 1 == 2)
# expect: true
# expect: true
# expect: false
# expect: true
