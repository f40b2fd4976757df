# 'for k, v in map' gives key and value.
let m = {"b": 2, "a": 1, 3: "three"}
for k, v in m { print(k, v) }
# expect: b 2
# expect: a 1
# expect: 3 three
