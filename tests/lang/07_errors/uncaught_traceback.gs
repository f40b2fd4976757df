# An uncaught error prints file:LINE: message and a traceback; exit 1.
fn inner() {
  return 1 // 0
}
fn outer() {
  return inner()
}
outer()
# expect error: uncaught_traceback.gs:3:10: division by zero
# expect error: in inner
# expect error: in outer
