# An uncaught comparison error reports the file and line.
let x = 1
print(x < "a")
# expect error: comparison_mismatched_uncaught.gs:3:
