# Integer literals: decimal, hex, binary, underscores.
print(42, 0x2A, 0b101010, 1_000_000)
print(0xff, 0x0, 0b0, 0b1)
print(0x7FFFFFFFFFFFFFFF)
# expect: 42 42 42 1000000
# expect: 255 0 0 1
# expect: 9223372036854775807
