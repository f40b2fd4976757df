# Hostile input: unbounded recursion — plain script, through natives that
# call back into script (map, filter, reduce, sort, str(), a class's init),
# inside a spawned fiber and inside a generator — raises a catchable
# `stack overflow` every time, and the VM keeps working afterwards.
# (A chain of 20 000 generators: generator_chain.gs.)
# slow
fn t(what, f) {
  try { f(); print(what, "returned") } catch e { print(what, e.message) }
}
fn plain(n) { return plain(n + 1) + 1 }
fn via_map(n) { return [n].map(fn(x) => via_map(x + 1))[0] }
fn via_filter(n) { return [n].filter(fn(x) => via_filter(x + 1)) }
fn via_reduce(n) { return [n].reduce(fn(a, x) => via_reduce(x + 1), 0) }
fn via_sort(n) { return [2, 1].sort(fn(a, b) { via_sort(n + 1); return a < b }) }
class S { fn str() { return "<" + str(S()) + ">" } }
class I { fn init() { self.next = I() } }
t("plain", fn() => plain(0))
t("map", fn() => via_map(0))
t("filter", fn() => via_filter(0))
t("reduce", fn() => via_reduce(0))
t("sort", fn() => via_sort(0))
t("str", fn() => str(S()))
t("print", fn() => print(S()))
t("init", fn() => I())
t("again", fn() => plain(0))
t("fiber", fn() => (spawn plain(0)).join())
t("generator", fn() => fiber(via_map).resume(0))
# expect: plain stack overflow
# expect: map stack overflow
# expect: filter stack overflow
# expect: reduce stack overflow
# expect: sort stack overflow
# expect: str stack overflow
# expect: print stack overflow
# expect: init stack overflow
# expect: again stack overflow
# expect: fiber stack overflow
# expect: generator stack overflow
