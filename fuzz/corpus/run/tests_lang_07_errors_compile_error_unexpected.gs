# A syntax error names the unexpected token.
print("not run")
print(1 +)
# expect error: compile_error_unexpected.gs:3:10:
# expect error: unexpected
# expect no output
