# `...rest` takes the remaining items as a new list (empty when none remain).
let xs = [1, 2, 3, 4]
let [head, ...rest] = xs
print(head, rest)
let [a, b, ...none] = [5, 6]
print(a, b, none)
rest.push(9)
print(xs)
# expect: 1 [2, 3, 4]
# expect: 5 6 []
# expect: [1, 2, 3, 4]
