# Strings may also be single-quoted.
print('it\'s')
print('say "hi"')
print('a\tb'.len())
print('x' == "x")
# expect: it's
# expect: say "hi"
# expect: 3
# expect: true
