# 'for i, v in list' gives index and value.
for i, v in ["a", "b", "c"] { print(i, v) }
# expect: 0 a
# expect: 1 b
# expect: 2 c
