# %.14g switches to exponent form; no ".0" is added then.
print(1e100, 1e15, 1e14, 123456789012345.0)
print(1e-7, 2.5e-10, 2.0 ** 53, 0.0001)
# expect: 1e+100 1e+15 1e+14 1.2345678901234e+14
# expect: 1e-07 2.5e-10 9.007199254741e+15 0.0001
