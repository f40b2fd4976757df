# Spreading works for builtins too.
print(...[1, "two", 3.0])
# expect: 1 two 3.0
