# join on a fiber that already finished returns its result at once, and can be repeated.
let f = spawn { return [1, 2] }
yield
print(f)
print(f.join())
print(f.join())
# expect: <fiber 1 done>
# expect: [1, 2]
# expect: [1, 2]
