# A keyword cannot be a parameter name.
fn f(x, while) { return x }
# expect error: keyword_not_parameter.gs:2:9:
# expect no output
