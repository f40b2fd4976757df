# Numbers without fraction or exponent are ints (floats when too big for int64).
let v = json.decode("[0, -0, 42, -17, 1.5, -0.25, 1e3, 2E-2, 1.0, 6.02e+23]")
print(v)
for x in v { io.stdout.write(type(x), " ") }
print()
print(json.decode("9223372036854775807"), json.decode("-9223372036854775808"))
let big = json.decode("9223372036854775808")
print(type(big), big == 9223372036854775808.0)
print(type(json.decode("-9223372036854775809")), type(json.decode("123456789012345678901234567890")))
print(json.decode("1e400"), json.decode("-1e400"), json.decode("1e-400"))
# expect: [0, 0, 42, -17, 1.5, -0.25, 1000.0, 0.02, 1.0, 6.02e+23]
# expect: int int int int float float float float float float 
# expect: 9223372036854775807 -9223372036854775808
# expect: float true
# expect: float float
# expect: inf -inf 0.0
