# math.pow always returns a float (use ** for int powers).
print(math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5), math.pow(0, 0))
print(type(math.pow(2, 3)), 2 ** 3)
try { math.pow(2) } catch e { print(e) }
try { math.pow(2, "3") } catch e { print(e) }
# expect: 1024.0 0.5 2.0 1.0
# expect: float 8
# expect: math.pow() expects 2 arguments, got 1
# expect: math.pow() argument 2 must be a number, not string
