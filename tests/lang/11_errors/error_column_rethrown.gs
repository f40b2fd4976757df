# A caught Error thrown again is reported where it first went wrong, column included.
fn parse(s) { return [s][3] }
try {
  parse("a")
} catch e {
  print(e.line, e.column)
  throw e
}
# expect: 2 22
# expect error: error_column_rethrown.gs:2:22: index out of range
