# Yield anywhere: a comparator that blocks on a channel; the answers come from another fiber.
let questions = chan()
let answers = chan()
spawn {
  for q in questions { answers.send(q[0] < q[1]) }
}
let xs = [3, 1, 2, 6, 5, 4]
xs.sort(fn(a, b) {
  questions.send([a, b])
  return answers.recv()
})
questions.close()
print(xs)
# expect: [1, 2, 3, 4, 5, 6]
