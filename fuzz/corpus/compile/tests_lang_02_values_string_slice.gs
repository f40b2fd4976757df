# Slices of strings are strings.
let s = "hello"
print(s[1:3], s[3:], s[:2], s[-3:], s[2:100])
print("[" + s[4:1] + "]", type(s[1:2]))
# expect: el lo he llo llo
# expect: [] string
