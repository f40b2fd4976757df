# join waits for the fiber and returns its return value.
fn square_slowly(x) {
  yield
  yield
  return x * x
}
let fs = []
for i in 1..5 { fs.push(spawn square_slowly(i)) }
let results = fs.map(fn(f) => f.join())
print(results)
# expect: [1, 4, 9, 16]
