# Nothing after an uncaught error runs.
fn f() {
  print("in f")
  let r = [][0]
  print("not reached")
}
f()
print("not reached either")
# expect: in f
# expect error: uncaught_stops_program.gs:4:11: index out of range
