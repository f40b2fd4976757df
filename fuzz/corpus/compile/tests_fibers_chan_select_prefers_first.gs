# When several channels are ready at once, select takes the first one in the list.
let a = chan(2)
let b = chan(2)
a.send("a1")
b.send("b1")
b.send("b2")
print(select([b, a]))
print(select([a, b]))
print(select([a, b]))
# expect: [0, "b1"]
# expect: [0, "a1"]
# expect: [1, "b2"]
