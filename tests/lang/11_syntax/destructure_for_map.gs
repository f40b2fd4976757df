# `for k, [x, y] in map` unpacks each value.
let points_by_name = {"a": [1, 2], "b": [3, 4]}
for k, [x, y] in points_by_name { print(k, x + y) }
# expect: a 3
# expect: b 7
