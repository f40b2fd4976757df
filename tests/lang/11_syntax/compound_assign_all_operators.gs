# Every binary operator has a compound assignment on a variable.
let x = 17
x //= 2; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 12; print(x)
x ^= 5; print(x)
x -= 1; print(x)
x *= 4; print(x)
x /= 8; print(x)
x += 1; print(x)
# expect: 8
# expect: 3
# expect: 27
# expect: 108
# expect: 54
# expect: 55
# expect: 4
# expect: 1
# expect: 0
# expect: 0
# expect: 0.0
# expect: 1.0
