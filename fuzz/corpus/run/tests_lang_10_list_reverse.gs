# reverse() reverses the list in place.
let l = [1, 2, 3]
l.reverse()
print(l)
let e = []
e.reverse()
print(e)
# expect: [3, 2, 1]
# expect: []
