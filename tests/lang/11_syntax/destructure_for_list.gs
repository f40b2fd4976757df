# `for [name, score] in rows` unpacks each item.
let rows = [["ann", 3], ["bob", 5]]
for [name, score] in rows { print(name, score) }
for i, [name, score] in rows { print(i, name) }
for [first, ...others] in [[1, 2, 3], [4]] { print(first, others) }
# expect: ann 3
# expect: bob 5
# expect: 0 ann
# expect: 1 bob
# expect: 1 [2, 3]
# expect: 4 []
