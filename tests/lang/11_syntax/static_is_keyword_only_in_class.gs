# `static` and `is` are keywords, but still usable as field names after a dot.
let m = {"static": 1, "is": 2}
print(m.static, m.is)
# expect: 1 2
