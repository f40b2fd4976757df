# join rethrows the error a fiber died with; the joiner can catch it.
fn fail() {
  yield
  error("bad thing")
}
let f = spawn fail()
try {
  f.join()
  print("not reached")
} catch e {
  print("caught:", e.message)
}
try {
  f.join()
} catch e {
  print("again:", e.message)
}
print(f.done())
# expect: caught: bad thing
# expect: again: bad thing
# expect: true
