# All compile errors are reported, not just the first.
print("not run")
print(undefined_one)
print(undefined_two)
# expect error: compile_errors_multiple_undefined.gs:3:
# expect error: undefined variable 'undefined_one'
# expect error: compile_errors_multiple_undefined.gs:4:
# expect error: undefined variable 'undefined_two'
# expect no output
