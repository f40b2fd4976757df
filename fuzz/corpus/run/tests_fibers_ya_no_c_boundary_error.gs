# There is no "attempt to yield across a C-call boundary" error: yields through every native that calls back.
class S { fn str() { yield; return "s" } }
let f = spawn {
  let a = [3, 1, 2].map(fn(x) { yield; return x })
  let b = a.filter(fn(x) { yield; return true })
  let c = b.reduce(fn(acc, x) { yield; return acc + x }, 0)
  let d = b.copy().sort(fn(x, y) { yield; return x < y })
  let e = str(S()) + "${S()}"
  print(S(), [S()], {"k": S()})
  return [a, b, c, d, e]
}
spawn { for i in 0..50 { yield } }
print(f.join())
# expect: s [s] {"k": s}
# expect: [[3, 1, 2], [3, 1, 2], 6, [1, 2, 3], "ss"]
