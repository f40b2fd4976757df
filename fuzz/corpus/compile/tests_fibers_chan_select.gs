# select([ch1, ch2]) returns [index, value] of the first channel ready to receive.
let a = chan(1)
let b = chan(1)
b.send("from b")
print(select([a, b]))
a.send("from a")
print(select([a, b]))
# expect: [1, "from b"]
# expect: [0, "from a"]
