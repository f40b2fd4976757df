# Lists are 0-based; negative indexes count from the end.
let l = [10, 20, 30]
print(l[0], l[-1], l[-3], l[1])
l[1] = 25
l[-1] = 35
print(l)
let nested = [[1, 2], [3, 4]]
print(nested[1][0])
nested[0][1] = 9
print(nested)
# expect: 10 30 10 20
# expect: [10, 25, 35]
# expect: 3
# expect: [[1, 9], [3, 4]]
