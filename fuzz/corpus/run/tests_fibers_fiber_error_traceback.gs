# The report of an unjoined fiber's error has a traceback through the fiber's functions.
fn inner(x) {
  return x.missing_field
}
fn outer() {
  return inner(1)
}
spawn outer()
# expect error: error in fiber 1:
# expect error: fiber_error_traceback.gs:3:
# expect error: traceback:
# expect error: fiber_error_traceback.gs:3 in inner
# expect error: fiber_error_traceback.gs:6 in outer
