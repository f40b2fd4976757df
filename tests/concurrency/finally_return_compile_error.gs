# A return inside finally is a compile error.
fn f() {
  try { print(1) } finally { return 2 }
}
# expect no output
# expect error: finally_return_compile_error.gs:3:30:
