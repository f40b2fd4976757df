# remove(i) deletes the element at index i (negative counts from the end).
let l = ["a", "b", "c", "d"]
l.remove(1)
print(l)
l.remove(-1)
print(l)
l.remove(0)
print(l)
# expect: ["a", "c", "d"]
# expect: ["a", "c"]
# expect: ["c"]
