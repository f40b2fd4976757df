# Strings are immutable: assigning to s[i] raises.
let s = "abc"
try {
  s[0] = "x"
  print("no error")
} catch e {
  print("error")
}
print(s)
# expect: error
# expect: abc
