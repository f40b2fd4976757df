# `[a, b] = [b, a]` swaps: the whole right side is built before any store.
let a = 1
let b = 2
[a, b] = [b, a]
print(a, b)
fn rot(l) {
  let x = l[0]; let y = l[1]; let z = l[2]
  [x, y, z] = [y, z, x]
  return [x, y, z]
}
print(rot([1, 2, 3]))
# expect: 2 1
# expect: [2, 3, 1]
