# abs keeps the argument's type; the minimum int wraps like other int math.
print(math.abs(-3), type(math.abs(-3)), math.abs(3))
print(math.abs(-2.5), type(math.abs(-2)), type(math.abs(-2.0)), math.abs(-0.0))
print(math.abs(-math.inf), math.abs(-9223372036854775807 - 1))
try { math.abs(nil) } catch e { print(e) }
# expect: 3 int 3
# expect: 2.5 int float 0.0
# expect: inf -9223372036854775808
# expect: math.abs() argument 1 must be a number, not nil
