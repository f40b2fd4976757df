# Yield anywhere: print -> str() -> map -> sort comparator -> yield, all inside one generator.
class Deep {
  fn str() {
    let parts = [[2], [1]].map(fn(l) {
      let c = l.copy()
      c.push(0)
      c.sort(fn(a, b) {
        let v = yield "cmp ${a} ${b}"
        return a < b
      })
      return c
    })
    return str(parts)
  }
}
let g = fiber(fn() { print(Deep()); return "done" })
let n = 0
let r = g.resume()
while not g.done() {
  n += 1
  r = g.resume()
}
print(r, n > 0)
# expect: [[0, 2], [0, 1]]
# expect: done true
