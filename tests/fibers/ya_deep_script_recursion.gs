# Fibers suspended deep in script recursion (with closures capturing each level) while the others
# grow their VM stacks: every level's locals and captured variables are intact when resumed.
fn down(n, acc) {
  let mine = n * 2
  let get = fn() => mine
  if n == 0 {
    yield
    return acc
  }
  if n % 100 == 0 { yield }
  let r = down(n - 1, acc + 1)
  mine += 0
  return r + get() - n * 2
}
let fs = []
for i in 0..20 { fs.push(spawn down(1000 + i * 50, 0)) }
print(fs.map(fn(f) => f.join()) == fs.map(fn(f) => 0).map(fn(z) => z) or fs.map(fn(f) => f.join()))
let g = fiber(fn() => down(3000, 0))
let steps = 0
let r = g.resume()
while not g.done() { steps += 1; r = g.resume() }
print(r, steps)
# expect: [1000, 1050, 1100, 1150, 1200, 1250, 1300, 1350, 1400, 1450, 1500, 1550, 1600, 1650, 1700, 1750, 1800, 1850, 1900, 1950]
# expect: 3000 31
