# A map literal gets room for its entries up front; a repeated key, keys
# added later (past the size that needs an index), removals and iteration
# order all behave as in a map built key by key.
let m = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "a": 10}
print(len(m), m["a"], m["i"])
let keys = []
for k, v in m { keys.push(k) }
print("".join(keys))
for n in 0..20 { m["x" + str(n)] = n }
m.remove("b")
print(len(m), m["x19"], m.has("b"), m["h"])
let small = {1: "one", 2.0: "two"}
small[3] = "three"
print(small[1], small[2], small[3], len(small))
# expect: 9 10 9
# expect: abcdefghi
# expect: 28 19 false 8
# expect: one two three 3
