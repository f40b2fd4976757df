# The reported line is where the error happened, not the call site.
fn f(l) {
  return l[10]
}
f([1])
# expect error: runtime_error_line_in_function.gs:3:10: index out of range
