# spawn f(...list) copies the list's elements into the new fiber, wherever the list lives in memory (found by fuzz_run).
fn total(...xs) {
  let s = 0
  for x in xs { s += len(x) }
  return s
}
# 100 000 elements: the list's items come from mmap, far from the VM stack
let big = "x".repeat(100000).chars()
let f = spawn total(...big)
print(f.join())
# a small list too
let small = ["a", "bb", "ccc"]
let g = spawn total(...small)
print(g.join())
# expect: 100000
# expect: 6
