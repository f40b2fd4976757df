# A failing assert can be caught.
try {
  assert(false)
  print("no error")
} catch e {
  print("caught")
}
# expect: caught
