# An error thrown in a callback propagates out of the method.
try {
  [1, 2].map(fn(x) { throw "from map" })
} catch e {
  print(e)
}
try {
  [1, 2].filter(fn(x) => x.nope)
} catch e {
  print("filter error")
}
# expect: from map
# expect: filter error
