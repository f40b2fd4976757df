# zip(other) pairs the elements of two lists, as long as the shorter one.
print([1, 2, 3].zip(["a", "b", "c"]))
print([1, 2, 3].zip(["a"]))
print([1].zip([]))
let names = ["ann", "bob"]
for [n, score] in names.zip([90, 85]) { print(n, score) }
# expect: [[1, "a"], [2, "b"], [3, "c"]]
# expect: [[1, "a"]]
# expect: []
# expect: ann 90
# expect: bob 85
