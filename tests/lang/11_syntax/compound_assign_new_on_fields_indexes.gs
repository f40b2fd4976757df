# The new compound operators work on fields, indexes and captured or module variables.
class Box { fn init() { self.v = 9 } }
let b = Box()
b.v //= 2
b.v **= 2
print(b.v)
let l = [7, 8]
l[1] %= 3
l[-1] <<= 3
print(l)
let m = {"k": 6}
m["k"] ^= 3
print(m)
let total = 2
fn bump() { total **= 3 }
bump()
print(total)
fn counter() {
  let c = 100
  return fn() { c //= 3; return c }
}
let next = counter()
print(next(), next())
# expect: 16
# expect: [7, 16]
# expect: {"k": 5}
# expect: 8
# expect: 33 11
