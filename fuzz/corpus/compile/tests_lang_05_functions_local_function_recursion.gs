# A local function may call itself recursively.
fn outer() {
  fn fact(n) {
    if n <= 1 { return 1 }
    return n * fact(n - 1)
  }
  return fact(5)
}
print(outer())
# expect: 120
