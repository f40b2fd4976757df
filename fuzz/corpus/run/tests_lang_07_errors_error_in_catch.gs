# An error raised inside a catch block goes to the outer handler.
try {
  try {
    throw 1
  } catch e {
    throw e + 1
  }
} catch e {
  print(e)
}
# expect: 2
