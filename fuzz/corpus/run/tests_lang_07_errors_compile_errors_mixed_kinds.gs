# Name errors of different kinds in one file are all reported.
let x = 1
let x = 2
print(nope)
# expect error: compile_errors_mixed_kinds.gs:3:
# expect error: compile_errors_mixed_kinds.gs:4:
# expect error: undefined variable 'nope'
# expect no output
