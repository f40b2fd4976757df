# push appends; pop removes and returns the last element.
let l = [1]
l.push(2)
l.push("three")
print(l)
let x = l.pop()
print(x, l, len(l))
# expect: [1, 2, "three"]
# expect: three [1, 2] 2
