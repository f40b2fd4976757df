# sort calls the comparator at most ceil(n*log2(n)) times, whatever the input order (§11).
fn calls_for(l) {
  let calls = 0
  l.sort(fn(a, b) { calls += 1; return a < b })
  return calls
}
fn shuffled(n, seed) {
  let l = (0..n).list()
  let x = seed
  for i in 0..n {
    x = (x * 1103515245 + 12345) % 2147483648
    let j = x % n
    let t = l[i]; l[i] = l[j]; l[j] = t
  }
  return l
}
let over = []
for n in [2, 3, 5, 6, 7, 8, 9, 16, 17, 31, 64, 100, 257, 1000, 3001] {
  let bound = math.ceil(n * math.log(n, 2))
  let inputs = [shuffled(n, n), shuffled(n, 99), (0..n).list(), (0..n).list().reverse(),
                (0..n).list().map(fn(i) => i % 3), (0..n).list().map(fn(i) => (i * 7) % 5)]
  for l in inputs {
    let c = calls_for(l)
    if c > bound { over.push("n=${n}: ${c} > ${bound}") }
  }
}
print(over)
print(calls_for([6, 5, 4, 3, 2, 1]) <= 16, calls_for((0..1000).list()) < 2000)
# expect: []
# expect: true true
