# Identifiers are [A-Za-z_][A-Za-z0-9_]*.
let _x = 1
let abc_123 = 2
let CamelCase = 3
let __ = 4
let x9 = 5
print(_x, abc_123, CamelCase, __, x9)
# expect: 1 2 3 4 5
