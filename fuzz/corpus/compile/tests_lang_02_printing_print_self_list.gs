# A list that contains itself prints [...] at the cycle.
let l = [1, 2]
l.push(l)
print(l)
# expect: [1, 2, [...]]
