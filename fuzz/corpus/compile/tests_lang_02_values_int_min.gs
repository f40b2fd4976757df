# The smallest int is -2**63.
let m = -9223372036854775807 - 1
print(m, type(m))
print(m - 1)
# expect: -9223372036854775808 int
# expect: 9223372036854775807
