# copy() is a shallow copy.
let a = [1, [2]]
let b = a.copy()
b[0] = 9
b[1].push(3)
print(a, b, a == b)
# expect: [1, [2, 3]] [9, [2, 3]] false
