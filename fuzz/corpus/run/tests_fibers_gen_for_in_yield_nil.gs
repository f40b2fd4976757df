# A generator that yields nil still produces an element per yield in for-in.
let g = fiber(fn() { yield nil; yield; yield false })
let got = []
for v in g { got.push(v) }
print(got)
# expect: [nil, nil, false]
