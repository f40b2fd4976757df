# find, any and all re-read the length after every callback: a callback that empties or grows the list is safe.
let l = [1, 2, 3]
print(l.find(fn(x) { l.clear(); return false }), l)
l = [1, 2]
print(l.all(fn(x) { if len(l) < 4 { l.push(x + 10) }; return true }), l)
let m = [5, 6, 7]
print(m.any(fn(x) { m.pop(); return x == 7 }), m)
# expect: nil []
# expect: true [1, 2, 11, 12]
# expect: false [5]
