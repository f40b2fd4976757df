# Several syntax errors on different lines are all reported.
let a = )
let b = 2
let c = ]
# expect error: compile_errors_multiple_syntax.gs:2:9:
# expect error: compile_errors_multiple_syntax.gs:4:9:
# expect no output
