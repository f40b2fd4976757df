# Generators dropped while suspended inside native code (sort, map, filter, str() of containers,
# print, interpolation) are collected without leaking or crashing (checked under GS_VALGRIND=1).
class S { fn str() { yield "in str"; return "s" } }
let gens = [
  fiber(fn() { return [3, 1, 2, 5, 4].sort(fn(a, b) { yield "cmp"; return a < b }) }),
  fiber(fn() { print("x", S(), [S()]) }),
  fiber(fn() { return [1, 2, 3].map(fn(x) { yield "map"; return x }) }),
  fiber(fn() { return "a ${S()} b" }),
  fiber(fn() { return str({"k": [S(), 1]}) }),
  fiber(fn() { return str([1, 2, [3, S()]]) }),
  fiber(fn() { return [1, 2].filter(fn(x) => yield "filter") }),
  fiber(fn() { return [1, 2].reduce(fn(a, x) => yield "reduce", 0) }),
]
for g in gens { print(g.resume()) }
gens = nil
let junk = []
for i in 0..20000 { junk.push([i]) }
junk = nil
# and some left suspended at exit
let keep = [fiber(fn() { return str([1, S()]) }), fiber(fn() { return [2, 1].sort(fn(a, b) => yield) })]
for g in keep { g.resume() }
print("end")
# expect: cmp
# expect: in str
# expect: map
# expect: in str
# expect: in str
# expect: in str
# expect: filter
# expect: reduce
# expect: end
# slow
