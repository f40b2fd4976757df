# float() raises on bad input.
for s in ["abc", "", "1.5x"] {
  try {
    let n = float(s)
    print("no error", n)
  } catch e {
    print("error")
  }
}
# expect: error
# expect: error
# expect: error
