# 0 ** -1 is a float operation, so IEEE gives inf.
print(0 ** -1, type(0 ** -1))
# expect: inf float
