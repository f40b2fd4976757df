# An error raised inside a library function is reported at the column of its call.
let total = 1 + int("12x")
# expect error: error_column_library_call.gs:2:17: invalid int
