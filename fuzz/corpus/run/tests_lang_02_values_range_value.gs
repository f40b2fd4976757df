# a..b is a half-open integer range value.
let r = 2..5
print(r, type(r))
for i in r { print(i) }
# expect: 2..5 range
# expect: 2
# expect: 3
# expect: 4
