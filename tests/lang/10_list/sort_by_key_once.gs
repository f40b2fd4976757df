# sort_by calls the key function once per element, however many comparisons there are.
let calls = 0
let l = (0..200).list().map(fn(i) => (i * 73) % 200)
l.sort_by(fn(x) { calls += 1; return -x })
print(calls, l[0], l[199])
# expect: 200 199 0
