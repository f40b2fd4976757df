# The error rethrown by join keeps the failing fiber's traceback in e.trace.
fn fail_deep() {
  error("deep failure")
}
fn work() {
  return fail_deep()
}
let f = spawn work()
try {
  f.join()
} catch e {
  print(e.message)
  print(type(e.trace))
  print(len(e.trace.filter(fn(t) => t.contains("join_error_trace.gs:3 in fail_deep"))))
  print(len(e.trace.filter(fn(t) => t.contains("join_error_trace.gs:6 in work"))))
}
# expect: deep failure
# expect: list
# expect: 1
# expect: 1
