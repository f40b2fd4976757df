# Using an undeclared name is a compile error reported before anything runs.
print("not run")
print(x)
# expect error: undefined_variable.gs:3:
# expect error: undefined variable 'x'
# expect no output
