# `cond ? a : b` gives a when cond is truthy, b otherwise; false values in a are kept.
let x = 5
print(x > 3 ? "big" : "small")
print(x < 3 ? "big" : "small")
print(true ? false : "fallback")
print(0 ? "zero is true" : "no")
# expect: big
# expect: small
# expect: false
# expect: zero is true
