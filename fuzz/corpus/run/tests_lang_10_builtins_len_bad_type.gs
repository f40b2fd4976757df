# len() of a value without a length raises.
for v in [5, nil, 1.5, true] {
  try {
    let n = len(v)
    print("no error")
  } catch e {
    print("error")
  }
}
# expect: error
# expect: error
# expect: error
# expect: error
