# A newline after `?` or `:` does not end the statement.
let n = 3
let kind = n % 2 == 0 ?
  "even" :
  "odd"
print(kind)
# expect: odd
