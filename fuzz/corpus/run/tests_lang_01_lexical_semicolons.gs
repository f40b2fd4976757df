# Statements may be separated by ';' on one line.
let a = 1; let b = 2; print(a + b)
print("x"); print("y")
# expect: 3
# expect: x
# expect: y
