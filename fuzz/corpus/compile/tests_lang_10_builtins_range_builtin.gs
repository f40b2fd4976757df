# range(n) and range(a, b) are integer ranges like 0..n and a..b.
for i in range(3) { print(i) }
for i in range(5, 7) { print(i) }
# expect: 0
# expect: 1
# expect: 2
# expect: 5
# expect: 6
