# any() stops at the first true answer, all() at the first false one.
let seen = []
print([1, 2, 3, 4].any(fn(x) { seen.push(x); return x == 2 }), seen)
seen = []
print([1, 2, 3, 4].all(fn(x) { seen.push(x); return x < 2 }), seen)
# expect: true [1, 2]
# expect: false [1, 2]
