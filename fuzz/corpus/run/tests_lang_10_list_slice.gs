# slice(a, b) is like l[a:b].
let l = [1, 2, 3, 4]
print(l.slice(1, 3), l.slice(0, 10), l)
# expect: [2, 3] [1, 2, 3, 4] [1, 2, 3, 4]
