# Writing out of range raises too; lists do not grow by index.
let l = [1]
try { l[1] = 2 } catch e { print(e.message) }
try { l[-2] = 0 } catch e { print(e.message) }
print(l)
# expect: index out of range
# expect: index out of range
# expect: [1]
