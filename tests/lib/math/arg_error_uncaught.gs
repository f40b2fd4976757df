# An uncaught math error reports the calling line.
let x = 1
math.sqrt("nope")
# expect error: arg_error_uncaught.gs:3:1: math.sqrt() argument 1 must be a number, not string
