# return inside try / catch returns from the function.
fn f(fail) {
  try {
    if fail { throw "x" }
    return "try"
  } catch e {
    return "catch"
  }
  return "after"
}
print(f(false), f(true))
# expect: try catch
