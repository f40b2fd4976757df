# An uncaught error() prints file:LINE: message and exits 1.
print("before")
error("bad input")
print("after")
# expect: before
# expect error: error_builtin_uncaught.gs:3:1: bad input
