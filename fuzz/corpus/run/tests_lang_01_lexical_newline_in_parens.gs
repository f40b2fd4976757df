# A newline inside ( ) does not end the statement.
print(
  1,
  2,
  3
)
let x = (10
  + 5)
print(x)
# expect: 1 2 3
# expect: 15
