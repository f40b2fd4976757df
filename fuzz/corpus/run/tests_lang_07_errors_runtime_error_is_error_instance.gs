# Runtime errors are Error instances with a message and a trace list.
try {
  let x = 1 // 0
} catch e {
  print(type(e), e.message, type(e.trace))
}
# expect: instance division by zero list
