# sort() sorts in place with '<'.
let l = [5, 2, 9, 1, 5, 6]
l.sort()
print(l)
# expect: [1, 2, 5, 5, 6, 9]
