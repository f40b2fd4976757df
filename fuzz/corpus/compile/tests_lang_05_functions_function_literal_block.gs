# A function literal with a block body.
let f = fn(x) {
  let y = x * 2
  return y + 1
}
print(f(3))
# expect: 7
