# `?:` works inside map literals, indexes and slices, next to their own colons.
let k = 2
let m = {k > 1 ? "big" : "small": k == 2 ? "two" : "other"}
print(m)
let l = [10, 20, 30]
print(l[k > 1 ? 2 : 0], l[k > 1 ? 1 : 0:])
# expect: {"big": "two"}
# expect: 30 [20, 30]
