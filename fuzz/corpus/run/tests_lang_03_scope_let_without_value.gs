# 'let x' initialises x to nil.
let x
print(x)
x = 3
print(x)
# expect: nil
# expect: 3
