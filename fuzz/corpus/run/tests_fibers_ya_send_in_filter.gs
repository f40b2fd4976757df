# Yield anywhere: a filter callback sends on an unbuffered channel and blocks until taken.
let ch = chan()
let f = spawn {
  let kept = [1, 2, 3, 4].filter(fn(x) {
    ch.send(x)
    return x > 2
  })
  ch.close()
  return kept
}
let seen = []
for v in ch { seen.push(v) }
print(seen, f.join())
# expect: [1, 2, 3, 4] [3, 4]
