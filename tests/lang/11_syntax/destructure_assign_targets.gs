# Destructuring assignment stores into fields, indexes, upvalues and a rest name.
class P { fn init() { self.x = 0; self.y = 0 } }
let p = P()
let l = [0, 0]
let rest = nil
[p.x, l[1], ...rest] = [7, 8, 9, 10]
print(p.x, l, rest)
let count = 0
fn set_two() { [count, p.y] = [count + 5, "y"] }
set_two()
print(count, p.y)
# expect: 7 [0, 8] [9, 10]
# expect: 5 y
