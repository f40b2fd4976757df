# After a handled error, a later error in the same function still propagates.
fn f() {
  try { throw "first" } catch e { print("handled", e) }
  throw "second"
}
try {
  f()
} catch e {
  print("outer", e)
}
# expect: handled first
# expect: outer second
