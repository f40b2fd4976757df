# Slices x[a:b], x[a:], x[:b], with negative bounds.
let l = [0, 1, 2, 3, 4]
print(l[1:3], l[3:], l[:2], l[-2:], l[:-1], l[0:5])
# expect: [1, 2] [3, 4] [0, 1] [3, 4] [0, 1, 2, 3] [0, 1, 2, 3, 4]
