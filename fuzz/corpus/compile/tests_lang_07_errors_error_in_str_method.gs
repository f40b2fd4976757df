# An error thrown by str() while printing propagates to the caller.
class Bad {
  fn str() { throw "no str" }
}
try {
  print(Bad())
} catch e {
  print("caught", e)
}
try {
  let s = "${Bad()}"
} catch e {
  print("caught", e)
}
# expect: caught no str
# expect: caught no str
