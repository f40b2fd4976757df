# Uncaught: file:LINE: cannot add string and int, exit status 1.
let s = "a"
print(s + 1)
# expect error: add_string_int_uncaught.gs:3:7: cannot add string and int
