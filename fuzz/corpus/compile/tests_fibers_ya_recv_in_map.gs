# Yield anywhere: a map callback blocks on channel recv; the sender runs in another fiber.
let ch = chan()
spawn {
  for i in 1..4 { ch.send(i * 100) }
}
print([1, 2, 3].map(fn(x) => x + ch.recv()))
# expect: [101, 202, 303]
