# `...rest` must be the last name of a pattern: a compile error.
print("never runs")
let [...a, b] = [1, 2]
# expect no output
# expect error: destructure_rest_not_last.gs:3:6: '...' must come last in a destructuring pattern
