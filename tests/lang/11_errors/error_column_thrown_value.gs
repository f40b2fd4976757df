# An uncaught thrown value that is not an Error is reported at the column of its throw.
fn check(n) {
  if n > 2 { throw "too big: ${n}" }
  return n
}
print(check(1))
check(5)
# expect: 1
# expect error: error_column_thrown_value.gs:3:14: too big: 5
