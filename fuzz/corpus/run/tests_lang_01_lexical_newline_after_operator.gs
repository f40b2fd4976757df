# A newline right after a binary operator continues the statement.
let a = 1 +
  2 *
  3
print(a)
let s = "a" +
  "b"
print(s)
let c = 7 ==
  a
print(c)
# expect: 7
# expect: ab
# expect: true
