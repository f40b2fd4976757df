# Iterating over a value that is not iterable raises.
for v in [5, nil, true] {
  try {
    for x in v { print("looped") }
    print("no error")
  } catch e {
    print("error")
  }
}
# expect: error
# expect: error
# expect: error
