# Functions are values: passed, returned, stored.
fn apply(f, x) { return f(x) }
fn adder(n) { return fn(x) => x + n }
print(apply(adder(10), 5))
print(adder(1)(2))
let ops = {"inc": fn(x) => x + 1}
print(ops["inc"](1))
print([fn() => 7][0]())
let p = print
p("via alias")
# expect: 15
# expect: 3
# expect: 2
# expect: 7
# expect: via alias
