# map_ops: insert, lookup, membership test and delete in maps with int keys
# and with string keys.
let N = 200000
if len(os.args) > 0 { N = int(os.args[0]) }
let ROUNDS = 6

let skeys = []
for i in 0..N { skeys.push("key" + str(i)) }

let sum = 0
let m = {}
let sm = {}
for round in 0..ROUNDS {
  for i in 0..N {
    m[i * 7 + round] = i
    sm[skeys[i]] = i + round
  }
  for i in 0..N {
    sum += m[i * 7 + round]
    sum += sm[skeys[i]]
    if m.has(i * 3) { sum += 1 }
    if sm.has(skeys[(i * 13) % N]) { sum += 2 }
  }
  let i = round % 2
  while i < N {
    m.remove(i * 7 + round)
    sm.remove(skeys[i])
    i += 2
  }
  sum = sum % 1000000007
}
print(sum, m.len(), sm.len())
