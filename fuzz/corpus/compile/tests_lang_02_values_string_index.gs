# s[i] is a one-byte string; negative indexes count from the end.
let s = "hello"
print(s[0], s[-1], s[1], s[4], s[-5])
print(type(s[0]), s[0].len())
# expect: h o e o h
# expect: string 1
