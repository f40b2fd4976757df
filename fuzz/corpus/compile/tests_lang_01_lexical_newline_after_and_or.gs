# 'and' / 'or' are binary operators too: a newline after them continues.
let a = true and
  false
let b = false or
  "x"
print(a, b)
# expect: false x
