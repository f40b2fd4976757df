# Lists grow as needed.
let l = []
for i in 0..10000 { l.push(i * 2) }
print(len(l), l[0], l[9999], l[-1])
# expect: 10000 0 19998 19998
