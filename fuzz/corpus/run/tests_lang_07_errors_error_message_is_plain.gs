# message holds just the message text, without file and line.
try {
  let l = []
  l[3] = 1
} catch e {
  print(e.message)
}
try {
  error("custom")
} catch e {
  print(e.message)
}
# expect: index out of range
# expect: custom
