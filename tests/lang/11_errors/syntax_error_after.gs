# A syntax error names what it found and the token before it.
let x = 1
x = = 2
# expect no output
# expect error: syntax_error_after.gs:3:5: unexpected '=' after '='; expected an expression
