# unique() compares lists, maps and instances by identity (as map keys do); every NaN stays.
let a = [1]
print([a, a, [1]].unique())
print(len([math.nan, math.nan].unique()))
let l = [1, 2]
let u = l.unique()
u.push(3)
print(l)
# expect: [[1], [1]]
# expect: 2
# expect: [1, 2]
