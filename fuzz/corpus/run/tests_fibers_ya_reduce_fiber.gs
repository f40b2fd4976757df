# Yield anywhere: two scheduled fibers reduce concurrently, yielding in the callback.
fn total(name, xs) {
  return xs.reduce(fn(acc, x) {
    print(name, acc)
    yield
    return acc + x
  }, 0)
}
let a = spawn total("a", [1, 2])
let b = spawn total("b", [10, 20])
print(a.join(), b.join())
# expect: a 0
# expect: b 0
# expect: a 1
# expect: b 10
# expect: 3 30
