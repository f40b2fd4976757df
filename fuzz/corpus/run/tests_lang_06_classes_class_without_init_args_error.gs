# Passing arguments to a class without init raises.
class Empty {}
try {
  let e = Empty(1)
  print("no error")
} catch e {
  print("error")
}
# expect: error
