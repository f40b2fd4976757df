# A fiber may cancel itself: its next wait point (yield included) raises it.
let f = spawn {
  current_fiber().cancel()
  print("still running")
  try { yield } catch e { print("yield raised", e.kind) }
  return "after"
}
print(f.join())
# expect: still running
# expect: yield raised cancelled
# expect: after
