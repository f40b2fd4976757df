# Fiber IDs: main is 0 (not visible here), spawned and created fibers count up from 1 in creation order.
let a = spawn { }
let g = fiber(fn() { })
let b = spawn { }
let c = chan()
let d = fiber(fn() { })
print(str(a).starts_with("<fiber 1 "))
print(str(g).starts_with("<fiber 2 "))
print(str(b).starts_with("<fiber 3 "))
print(str(d).starts_with("<fiber 4 "))
# expect: true
# expect: true
# expect: true
# expect: true
