# Columns are 1-based and count from the start of the line.
let a = 1
let b = 2
    let c = a b
# expect error: compile_error_column.gs:4:15:
# expect no output
