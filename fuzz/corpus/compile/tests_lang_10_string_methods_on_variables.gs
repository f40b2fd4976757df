# Methods work on any string value.
let words = ["apple", "Banana"]
for w in words { print(w.upper(), w.len(), w[0]) }
# expect: APPLE 5 a
# expect: BANANA 6 B
