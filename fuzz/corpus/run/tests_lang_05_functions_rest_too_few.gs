# A rest parameter does not make the earlier parameters optional.
fn f(a, ...rest) { return a }
try {
  f()
  print("no error")
} catch e {
  print("error")
}
# expect: error
