# Assigning an undeclared name is a compile error too.
print("not run")
y = 5
# expect error: undefined_assignment.gs:3:
# expect error: undefined variable 'y'
# expect no output
