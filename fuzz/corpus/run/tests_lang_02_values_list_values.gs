# Lists hold values of any type and grow.
let l = [1, "two", 3.0, nil, true, [5]]
print(l, len(l))
l.push(7)
print(len(l))
# expect: [1, "two", 3.0, nil, true, [5]] 6
# expect: 7
