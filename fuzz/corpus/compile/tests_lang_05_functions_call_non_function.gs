# Calling something that is not a function raises.
let x = 5
try {
  x()
  print("no error")
} catch e {
  print("error")
}
let n = nil
try {
  n(1)
  print("no error")
} catch e {
  print("error")
}
# expect: error
# expect: error
