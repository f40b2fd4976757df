# Undefined names are found even in functions that never run.
fn never() {
  return missing + 1
}
print("not run")
# expect error: undefined_in_uncalled_function.gs:3:
# expect error: undefined variable 'missing'
# expect no output
