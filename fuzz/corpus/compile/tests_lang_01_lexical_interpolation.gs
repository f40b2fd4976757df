# "${expr}" inserts the value of any expression.
let x = 41
print("x = ${x + 1}")
print("${x}${x}")
print("a${1}b${2}c")
print("${"only"}")
# expect: x = 42
# expect: 4141
# expect: a1b2c
# expect: only
