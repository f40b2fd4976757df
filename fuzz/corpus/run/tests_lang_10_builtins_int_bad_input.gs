# int() raises on bad input.
for s in ["x", "", "12abc", "4 2"] {
  try {
    let n = int(s)
    print("no error", n)
  } catch e {
    print("error")
  }
}
# expect: error
# expect: error
# expect: error
# expect: error
