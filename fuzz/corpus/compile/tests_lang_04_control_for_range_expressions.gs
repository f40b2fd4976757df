# Range bounds are arbitrary expressions.
let n = 3
for i in n - 1..n * 2 { print(i) }
# expect: 2
# expect: 3
# expect: 4
# expect: 5
