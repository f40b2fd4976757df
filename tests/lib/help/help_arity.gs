# help takes at most one argument.
help(1, 2)
# expect error: help() expects 0 to 1 arguments, got 2
