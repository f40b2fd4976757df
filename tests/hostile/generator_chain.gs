# Hostile input: a chain of 20 000 generators, each resuming the next from
# inside its own body — 20 000 live C stacks nested in one another — works.
# slow
# no-valgrind: 20 000 stacks with mprotect guards are 40 000 mappings, past valgrind's VG_N_SEGMENTS
fn chain(n) {
  if n == 0 { return 0 }
  let g = fiber(fn() { return chain(n - 1) + 1 })
  return g.resume()
}
print(chain(20000))
# expect: 20000
