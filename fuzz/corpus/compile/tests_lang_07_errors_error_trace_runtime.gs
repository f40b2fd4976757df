# Runtime errors carry a trace with every active function.
fn inner(l) {
  return l[5]
}
fn outer() {
  return inner([])
}
try {
  outer()
} catch e {
  let s = " ".join(e.trace)
  print(s.contains("error_trace_runtime.gs:3 in inner"))
  print(s.contains("error_trace_runtime.gs:6 in outer"))
}
# expect: true
# expect: true
