# Native re-entry through sort comparators, filter, reduce and str() also ends in a catchable `stack overflow`.
# slow
# (the main fiber has an 8 MB C stack: thousands of nested re-entries)
fn via_sort(n) { return [1, 2].sort(fn(a, b) { via_sort(n + 1); return a < b }) }
fn via_filter(n) { return [n].filter(fn(x) => via_filter(x + 1)) }
fn via_reduce(n) { return [n].reduce(fn(acc, x) => via_reduce(x + 1), 0) }
class Loop { fn str() { return "L" + str(self) } }
for name, f in {"sort": fn() => via_sort(0), "filter": fn() => via_filter(0),
                "reduce": fn() => via_reduce(0), "str": fn() => str(Loop()),
                "print": fn() => print(Loop())} {
  try { f() } catch e { print(name, e.message) }
}
# expect: sort stack overflow
# expect: filter stack overflow
# expect: reduce stack overflow
# expect: str stack overflow
# expect: print stack overflow
