# A syntax error says what would have fit when that is short.
print(1, 2 3)
# expect no output
# expect error: syntax_error_expected_close.gs:2:12: unexpected integer 3 after integer 2
