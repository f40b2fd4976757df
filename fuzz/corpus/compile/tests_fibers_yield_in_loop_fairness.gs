# A busy fiber that yields in a loop lets a second one make progress each round.
let counts = [0, 0]
let stop = false
spawn {
  while not stop { counts[0] += 1; yield }
}
spawn {
  for i in 0..100 { counts[1] += 1; yield }
  stop = true
}
yield
while not stop { yield }
print(counts[1], counts[0] >= 99 and counts[0] <= 101)
# expect: 100 true
