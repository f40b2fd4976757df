# Running out of input mid-expression says what was missing.
let a = [1,
# expect no output
# expect error: syntax_error_end_of_input.gs:5:1: unexpected end of input after ','
