# Steps near the ends of the int range never overflow: counts and ints stay exact.
let big = range(math.max_int, math.min_int, math.min_int)
print(big.list())
print((math.min_int..math.max_int).step(math.max_int).list())
print(range(math.min_int, math.max_int).reversed()[0] == math.max_int - 1)
print(range(math.max_int - 2, math.max_int, 5).list())
try { big.reversed() } catch e { print(e.message, e.kind) }
# expect: [9223372036854775807, -1]
# expect: [-9223372036854775808, -1, 9223372036854775806]
# expect: true
# expect: [9223372036854775805]
# expect: range step out of int range overflow
