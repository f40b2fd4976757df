# A newline inside [ ] does not end the statement.
let l = [
  1,
  2,
  3
]
print(l)
print(l[
  1
])
# expect: [1, 2, 3]
# expect: 2
