# int + wraps around on overflow (64-bit two's complement).
print(9223372036854775807 + 1)
# expect: -9223372036854775808
