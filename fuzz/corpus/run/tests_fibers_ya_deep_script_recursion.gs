# Fibers suspended deep in script recursion (with closures capturing each level) while the others
# grow their VM stacks: every level's locals and captured variables are intact when resumed.
fn down(n, acc) {
  let mine = n * 2
  let get = fn() => mine
  if n == 0 {
    yield
    return acc
  }
  if n % 50 == 0 { yield }
  let r = down(n - 1, acc + 1)
  return r + get() - n * 2
}
let fs = []
for i in 0..8 { fs.push(spawn down(200 + i * 20, 0)) }
print(fs.map(fn(f) => f.join()))
let g = fiber(fn() => down(600, 0))
let steps = 0
let r = g.resume()
while not g.done() { steps += 1; r = g.resume() }
print(r, steps)
# expect: [200, 220, 240, 260, 280, 300, 320, 340]
# expect: 600 13
