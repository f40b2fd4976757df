# Yield anywhere: in a scheduled fiber, an error thrown after a yield deep inside native callbacks
# (sort comparator -> map callback) unwinds to the fiber's own try; other fibers are unaffected.
let f = spawn {
  let msg = "no error"
  try {
    [[3, 1], [2]].sort(fn(a, b) {
      let m = a.map(fn(x) {
        yield
        if x >= 2 { error("big value in comparator") }
        return x
      })
      return len(m) < len(b)
    })
    msg = "not reached"
  } catch e {
    msg = "fiber caught: " + e.message
  }
  yield
  return msg
}
let g = spawn {
  try {
    for i in 0..4 { yield }
    error("other")
  } catch e {
    return "other caught: " + e.message
  }
}
print(f.join())
print(g.join())
# expect: fiber caught: big value in comparator
# expect: other caught: other
