# A closure keeps its captured variables alive after the call returns.
fn counter() {
  let n = 0
  return fn() {
    n += 1
    return n
  }
}
let c1 = counter()
let c2 = counter()
print(c1(), c1(), c1(), c2())
# expect: 1 2 3 1
