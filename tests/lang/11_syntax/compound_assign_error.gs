# A compound assignment raises the operator's own error.
let s = "a"
s //= 2
# expect error: compound_assign_error.gs:3:1: cannot divide string and int
