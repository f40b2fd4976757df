# Ranges print as a..b.
print(0..5, -2..2)
let n = 3
print(1..n)
# expect: 0..5 -2..2
# expect: 1..3
