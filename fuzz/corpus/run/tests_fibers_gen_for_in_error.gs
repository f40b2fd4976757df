# An error raised inside a generator comes out of the for-in loop that drives it.
let g = fiber(fn() { yield 1; error("gen broke") })
try {
  for v in g { print(v) }
} catch e {
  print("caught", e.message)
}
# expect: 1
# expect: caught gen broke
