# Slice bounds clamp like Python.
let l = [0, 1, 2, 3, 4]
print(l[1:100], l[-100:2], l[3:1], l[10:], l[:-10], l[-1:-3])
# expect: [1, 2, 3, 4] [0, 1] [] [] [] []
