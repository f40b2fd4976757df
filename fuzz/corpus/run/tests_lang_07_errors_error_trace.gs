# trace is a list of strings "file:line in name".
fn boom() {
  error("x")
}
try {
  boom()
} catch e {
  let found = false
  let all_strings = true
  for t in e.trace {
    if type(t) != "string" { all_strings = false }
    if t.contains("error_trace.gs:3 in boom") { found = true }
  }
  print(found, all_strings, len(e.trace) >= 2)
}
# expect: true true true
