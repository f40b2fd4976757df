# A newline after ',' continues the statement.
let l = [1,
2, 3]
print(l,
  "end")
# expect: [1, 2, 3] end
