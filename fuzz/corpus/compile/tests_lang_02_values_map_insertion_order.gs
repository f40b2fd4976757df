# Maps iterate in insertion order.
let m = {}
m["c"] = 1
m["a"] = 2
m["b"] = 3
m[10] = 4
m[-1] = 5
for k in m { print(k) }
# expect: c
# expect: a
# expect: b
# expect: 10
# expect: -1
