# items() returns [key, value] pairs in insertion order.
let m = {"b": 1, "a": 2}
print(m.items())
for item in m.items() { print(item[0], item[1]) }
# expect: [["b", 1], ["a", 2]]
# expect: b 1
# expect: a 2
