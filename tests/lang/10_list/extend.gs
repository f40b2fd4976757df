# extend(other) appends every element of other in place and returns nil; l.extend(l) doubles l.
let l = [1]
print(l.extend([2, 3]))
print(l)
l.extend([])
l.extend(l)
print(l)
try { l.extend(1..3) } catch e { print(e.message) }
# expect: nil
# expect: [1, 2, 3]
# expect: [1, 2, 3, 1, 2, 3]
# expect: extend() argument 1 must be a list, not range
