# ** with float results.
print(2 ** 0.5)
print(4 ** 0.5)
print(2 ** -2)
# expect: 1.4142135623731
# expect: 2.0
# expect: 0.25
