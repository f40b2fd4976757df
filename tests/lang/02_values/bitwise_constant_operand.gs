# A bitwise operator with a constant right operand gives what it gives with two variables.
let x = -9
let k = 3
print(x & 0xff, x | 256, x ^ 0x55, x << 3, x >> 1, x >> k)
print(5 << 63, 5 << 64, 5 >> 70, x >> 70, x << 100)
print(6.0 & 3, 2.0 << 2)
let s = "a"
try { print(s >> 2) } catch e { print(e) }
try { print(1.5 | 4) } catch e { print(e) }
# expect: 247 -9 -94 -72 -5 -2
# expect: -9223372036854775808 0 0 -1 0
# expect: 2 8
# expect: bitwise >> needs ints, not string
# expect: bitwise | needs ints, not float
