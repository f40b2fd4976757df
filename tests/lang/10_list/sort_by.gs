# sort_by(key) sorts in place by key(element) with <, returns the list, and is stable (§11).
let words = ["pear", "fig", "kiwi", "apple", "yam", "plum"]
let r = words.sort_by(fn(w) => len(w))
print(r, r == words)
print([3, -1, 2, -5].sort_by(math.abs))
print([].sort_by(fn(x) => x), [7].sort_by(fn(x) => x))
# expect: ["fig", "yam", "pear", "kiwi", "plum", "apple"] true
# expect: [-1, 2, 3, -5]
# expect: [] [7]
