# Yield anywhere: a bound method used as a map callback yields in a generator.
class Scaler {
  fn init(k) { self.k = k }
  fn apply(x) {
    yield x
    return x * self.k
  }
}
let s = Scaler(3)
let g = fiber(fn() { return [1, 2].map(s.apply) })
let out = []
for v in g { out.push(v) }
print(out)
# expect: [1, 2]
