# An unterminated string is a compile error (nothing runs).
# expect error: compile_error_unterminated_string.gs:4:
# expect no output
print("abc