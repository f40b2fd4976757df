# A nested function may shadow its enclosing function's local.
fn outer() {
  let v = "outer"
  fn inner() {
    let v = "inner"
    return v
  }
  return [inner(), v]
}
print(outer())
# expect: ["inner", "outer"]
