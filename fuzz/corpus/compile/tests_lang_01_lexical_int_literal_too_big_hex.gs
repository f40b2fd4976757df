# A hex literal that does not fit in 64 bits is a compile error too.
print("not run")
let x = 0x10000000000000000
# expect error: int_literal_too_big_hex.gs:3:9:
# expect no output
