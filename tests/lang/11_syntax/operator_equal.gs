# `fn ==(o)` serves == and !=, list.contains and index_of; map keys keep identity.
class P {
  fn init(x) { self.x = x }
  fn ==(o) { return o is P and o.x == self.x }
}
let a = P(1)
print(a == P(1), a != P(1), a == P(2), a == 1, a != nil)
let l = [P(3), P(1)]
print(l.contains(P(1)), l.index_of(P(1)), l.contains(P(9)))
let m = {}
m[P(1)] = "first"
m[P(1)] = "second"
print(len(m))
if a == P(1) { print("branch") }
# expect: true false false false true
# expect: true 1 false
# expect: 2
# expect: branch
