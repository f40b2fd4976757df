# A select loop merges two producers; every value arrives exactly once.
let a = chan()
let b = chan()
spawn { for i in 0..3 { a.send("a${i}") } }
spawn { for i in 0..3 { b.send("b${i}") } }
let got = []
for i in 0..6 { got.push(select([a, b])[1]) }
got.sort()
print(got)
# expect: ["a0", "a1", "a2", "b0", "b1", "b2"]
