# An integer literal that does not fit in 64 bits is a compile error.
print("not run")
let x = 9223372036854775808
# expect error: int_literal_too_big.gs:3:9:
# expect no output
