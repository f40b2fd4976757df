# sqrt, sin, cos, tan, atan2, exp always return floats.
print(math.sqrt(16), math.sqrt(2), math.sqrt(-1))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2))
print(math.atan2(1, 1) * 4 == math.pi, math.atan2(0, -1) == math.pi, math.atan2(-1, 0))
print(math.exp(0), math.exp(1), type(math.exp(2)))
# expect: 4.0 1.4142135623731 nan
# expect: 0.0 1.0 0.0 1.0
# expect: true true -1.5707963267949
# expect: 1.0 2.718281828459 float
