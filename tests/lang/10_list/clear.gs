# clear() removes every element in place and returns nil; the list can be used again.
let l = [1, 2, 3]
let same = l
print(l.clear())
print(l, len(same))
l.push("x")
print(same)
# expect: nil
# expect: [] 0
# expect: ["x"]
