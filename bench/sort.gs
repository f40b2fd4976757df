# sort: list.sort with a script comparator (descending order) on
# pseudo-random ints, repeated on fresh lists.
let N = 300000
if len(os.args) > 0 { N = int(os.args[0]) }
let ROUNDS = 5

let seed = 42
fn rand() {
  seed = seed * 16807 % 2147483647
  return seed
}

let check = 0
for round in 0..ROUNDS {
  let l = []
  for i in 0..N { l.push(rand() % 1000000) }
  l.sort(fn(a, b) => a > b)
  let s = 0
  for i in 0..N {
    s = (s * 31 + l[i]) % 1000000007
  }
  check = (check + s + l[0] - l[N - 1]) % 1000000007
}
print(check)
