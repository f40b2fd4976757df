# Word frequencies with maps (insertion-ordered) and list methods.
let text = "the quick brown fox jumps over the lazy dog the fox"
let counts = {}
for w in text.split(" ") {
  counts[w] = counts.get(w, 0) + 1
}
let words = counts.keys()
words.sort(fn(a, b) {
  if counts[a] != counts[b] { return counts[a] > counts[b] }
  return a < b
})
for w in words[:3] { print("${w}: ${counts[w]}") }
print(words.map(fn(w) => w.upper()).filter(fn(w) => w.len() == 3).join(","))

# expect: the: 3
# expect: fox: 2
# expect: brown: 1
# expect: THE,FOX,DOG
