# A keyword cannot be a variable name: a compile error at file:LINE:COL.
print("not run")
let class = 1
# expect error: keyword_not_identifier.gs:3:5:
# expect no output
