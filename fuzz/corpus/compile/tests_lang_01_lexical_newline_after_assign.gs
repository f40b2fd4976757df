# A newline right after '=' continues the statement.
let b =
  "long"
print(b)
let n = 1
n =
  n + 2
print(n)
# expect: long
# expect: 3
