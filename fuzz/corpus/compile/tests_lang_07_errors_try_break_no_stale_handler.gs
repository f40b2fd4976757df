# Breaking out of a try removes its handler.
while true {
  try {
    break
  } catch e {
    print("stale handler")
  }
}
throw "later"
# expect error: later
# expect no output
