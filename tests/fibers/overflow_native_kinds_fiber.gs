# In a spawned fiber and in a generator, re-entry through sort, filter, reduce and str() ends in a catchable `stack overflow`.
# slow
# (a fiber's C stack grows to the main fiber's: thousands of nested re-entries)
fn via_sort(n) { return [1, 2].sort(fn(a, b) { via_sort(n + 1); return a < b }) }
fn via_filter(n) { return [n].filter(fn(x) => via_filter(x + 1)) }
fn via_reduce(n) { return [n].reduce(fn(acc, x) => via_reduce(x + 1), 0) }
class Loop { fn str() { return "L" + str(self) } }
let attempts = {"sort": fn() => via_sort(0), "filter": fn() => via_filter(0),
                "reduce": fn() => via_reduce(0), "str": fn() => str(Loop()),
                "print": fn() => print(Loop())}
fn run_all(where) {
  for name, f in attempts {
    try { f() } catch e { print(where, name, e.message) }
  }
}
let f = spawn run_all("fiber")
f.join()
fiber(run_all).resume("generator")
# expect: fiber sort stack overflow
# expect: fiber filter stack overflow
# expect: fiber reduce stack overflow
# expect: fiber str stack overflow
# expect: fiber print stack overflow
# expect: generator sort stack overflow
# expect: generator filter stack overflow
# expect: generator reduce stack overflow
# expect: generator str stack overflow
# expect: generator print stack overflow
