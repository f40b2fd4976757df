# text_report: a text-processing script without regular expressions — split a
# generated text into lines and words, normalise the words (lower case,
# trailing punctuation removed), count them in a map, sort by frequency and
# print a formatted table, plus per-line and word-length statistics.
let N = 50000
if len(os.args) > 0 { N = int(os.args[0]) }

let SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "qu", "an", "est", "io", "dra"]
let PUNCT = [",", ".", ";", "!", "?", ":"]

let seed = 777
fn rand(n) {    # an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
}

let vocab = []
for i in 0..1500 {
  let w = SYLLABLES[i % 12]
  let rest = i // 12
  while rest > 0 {
    w += SYLLABLES[rest % 12]
    rest = rest // 12
  }
  vocab.push(w)
}

# The corpus: lines of 4-15 words, frequent words much more likely (a word
# index of rand(rand(n) + 1)), sentences capitalised, some punctuation.
let lines = []
for i in 0..N {
  let words = []
  let count = 4 + rand(12)
  for j in 0..count {
    let w = vocab[rand(rand(len(vocab)) + 1)]
    if j == 0 { w = w[0].upper() + w[1:] }
    if rand(6) == 0 { w += PUNCT[rand(len(PUNCT))] }
    words.push(w)
  }
  lines.push(" ".join(words) + ".")
}
let text = "\n".join(lines) + "\n"

# The script proper: from the text alone.
let counts = {}
let by_length = {}
let line_count = 0
let word_total = 0
let longest = ""
for line in text.split("\n") {
  if line == "" { continue }
  line_count += 1
  if len(line) > len(longest) { longest = line }
  for raw in line.split() {
    let w = raw.lower()
    while len(w) > 0 and ".,;:!?".contains(w[-1]) { w = w[:-1] }
    if w == "" { continue }
    word_total += 1
    counts[w] = counts.get(w, 0) + 1
    by_length[len(w)] = by_length.get(len(w), 0) + 1
  }
}

let entries = []
for w, c in counts { entries.push([w, c]) }
entries.sort(fn(a, b) {
  if a[1] != b[1] { return a[1] > b[1] }
  return a[0] < b[0]
})

print("%d lines, %d words, %d distinct, %.3f words per line".format(line_count, word_total, len(entries), word_total / line_count))
print("longest line: %d bytes".format(len(longest)))
print("%-4s %-16s %8s %7s".format("rank", "word", "count", "share"))
for i in 0..25 {
  let e = entries[i]
  print("%4d %-16s %8d %6.2f%%".format(i + 1, e[0], e[1], 100 * e[1] / word_total))
}
let rare = 0
for e in entries { if e[1] == 1 { rare += 1 } }
print("words seen once: %d".format(rare))
let sizes = by_length.keys()
sizes.sort()
let cells = []
for n in sizes { cells.push("%d:%d".format(n, by_length[n])) }
print("by length: " + " ".join(cells))
