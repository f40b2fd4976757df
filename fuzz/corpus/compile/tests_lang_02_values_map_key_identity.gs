# List and map keys are compared by identity.
let k = [1]
let m = {}
m[k] = "x"
print(m[k], m[[1]], len(m))
# expect: x nil 1
