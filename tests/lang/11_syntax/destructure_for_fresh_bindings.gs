# Names bound by a `for` pattern are fresh each iteration: closures keep their own.
let fns = []
for [a, b] in [[1, 2], [3, 4]] { fns.push(fn() => a * 10 + b) }
print(fns[0](), fns[1]())
# expect: 12 34
