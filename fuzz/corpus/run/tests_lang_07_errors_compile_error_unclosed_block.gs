# A missing closing brace is a compile error at the end of input.
print("not run")
fn f() {
  print(1)
# expect error: compile_error_unclosed_block.gs:
# expect no output
