# Reading a missing map key gives nil.
let m = {"a": 1}
print(m["b"], m["a"], m[42])
# expect: nil 1 nil
