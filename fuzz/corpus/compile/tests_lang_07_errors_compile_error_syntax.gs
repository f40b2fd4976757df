# A syntax error is a compile error: file:LINE:COL: message, exit 1.
print("not run")
let = 5
# expect error: compile_error_syntax.gs:3:5:
# expect no output
