# error(msg) throws an Error instance with that message.
try {
  error("bad input")
} catch e {
  print(e.message, type(e))
}
# expect: bad input instance
