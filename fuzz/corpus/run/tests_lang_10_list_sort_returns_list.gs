# sort() returns the same list.
let l = [3, 1, 2]
let r = l.sort()
print(r == l, l)
print(["pear", "apple", "Banana"].sort())
# expect: true [1, 2, 3]
# expect: ["Banana", "apple", "pear"]
