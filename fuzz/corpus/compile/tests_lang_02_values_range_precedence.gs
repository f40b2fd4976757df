# '..' binds looser than + - and tighter than shifts.
let n = 2
print(0..n + 1)
for i in 1..n * 2 { print(i) }
# expect: 0..3
# expect: 1
# expect: 2
# expect: 3
