# Any expression may be interpolated, even one with braces.
print("v=${ {"a": 1}["a"] }")
let m = {"k": "v"}
print("${m}")
# expect: v=1
# expect: {"k": "v"}
