# Inside { } newlines count again, so a function literal passed as an
# argument has a normal multi-line body.
let r = [1, 2].map(fn(x) {
  let y = x * 10
  return y + 1
})
print(r)
# expect: [11, 21]
