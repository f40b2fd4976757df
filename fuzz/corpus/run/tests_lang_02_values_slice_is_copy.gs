# A slice is a new copy.
let a = [1, 2, 3]
let b = a[0:3]
b[0] = 99
print(a, b, a == b)
# expect: [1, 2, 3] [99, 2, 3] false
