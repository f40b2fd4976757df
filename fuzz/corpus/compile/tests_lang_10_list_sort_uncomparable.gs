# Sorting values '<' cannot compare raises, without losing elements.
let l = [3, "a", 1, 2]
try {
  l.sort()
} catch e {
}
print(len(l), l.contains("a"), l.contains(1), l.contains(2), l.contains(3))
# expect: 4 true true true true
