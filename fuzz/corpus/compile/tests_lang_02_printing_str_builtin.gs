# str(x) returns the printed form as a string.
print(str(1.0) + "|", str(nil), str([1, "a"]), str("abc"), str(true))
print(type(str(5)), str(123).len(), str(-0.5))
# expect: 1.0| nil [1, "a"] abc true
# expect: string 3 -0.5
