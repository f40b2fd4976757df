# A newline after '.' continues the statement.
let s = "abc".
  upper()
print(s)
# expect: ABC
