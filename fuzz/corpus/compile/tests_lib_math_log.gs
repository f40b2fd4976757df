# log(x) is the natural log; log(x, base) uses that base.
print(math.log(1), math.log(math.exp(2)), math.log(8, 2), math.log(1000, 10))
print(math.log(81, 3), math.log(0), math.log(-1), math.log(2, nil) == math.log(2))
try { math.log("e") } catch e { print(e) }
try { math.log(1, 2, 3) } catch e { print(e) }
# expect: 0.0 2.0 3.0 3.0
# expect: 4.0 -inf nan true
# expect: math.log() argument 1 must be a number, not string
# expect: math.log() expects 1 or 2 arguments, got 3
