# A generator left suspended forever is garbage, not a deadlock: the program exits 0.
let g = fiber(fn() { yield 1; print("never") })
print(g.resume())
let gens = []
for i in 0..100 {
  let h = fiber(fn() { yield i })
  h.resume()
  gens.push(h)
}
print("done")
# expect: 1
# expect: done
# expect exit: 0
