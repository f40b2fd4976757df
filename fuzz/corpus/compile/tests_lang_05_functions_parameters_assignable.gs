# Parameters are ordinary local variables.
fn f(a) {
  a = a + 1
  a += 1
  return a
}
let v = 5
print(f(v), v)
# expect: 7 5
