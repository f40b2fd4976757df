# insert(i, v) inserts before index i.
let l = [1, 3]
l.insert(1, 2)
l.insert(0, 0)
print(l)
l.insert(len(l), 4)
print(l)
# expect: [0, 1, 2, 3]
# expect: [0, 1, 2, 3, 4]
