# for over a range.
for i in 0..4 { print(i) }
# expect: 0
# expect: 1
# expect: 2
# expect: 3
