# An uncaught bad int() reports the location and exits 1.
let s = "forty-two"
print(int(s))
# expect error: int_bad_input_uncaught.gs:3:
