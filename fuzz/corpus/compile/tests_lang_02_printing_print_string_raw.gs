# Strings print raw at top level.
print("a\"b")
print('single')
print("tab\there")
# expect: a"b
# expect: single
# expect: tab	here
