# A compile error shows its line with a caret under the column.
let a = 1
print(a +* 2)
# expect no output
# expect error: error_excerpt_compile.gs:3:10: unexpected '*' after '+'; expected an expression
# expect error:     3 | print(a +* 2)
# expect error:       |          ^
