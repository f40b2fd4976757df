# 'not x' is always a bool.
print(not nil, not 0, not "", not false, not true, not [])
print(type(not 5), type(not nil))
# expect: true false false true false false
# expect: bool bool
