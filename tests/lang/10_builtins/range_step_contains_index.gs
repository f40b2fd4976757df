# A stepped range contains only its own ints and is indexed like a list of them.
let r = range(10, 0, -3)
print(r.list(), r.contains(4), r.contains(5), r.contains(10), r.contains(1), r.contains(-2), r.contains(7.0))
print(r[0], r[1], r[-1], len(r))
try { r[4] } catch e { print(e.message) }
for i, v in r { print(i, v) }
# expect: [10, 7, 4, 1] true false true true false true
# expect: 10 7 1 4
# expect: index out of range
# expect: 0 10
# expect: 1 7
# expect: 2 4
# expect: 3 1
