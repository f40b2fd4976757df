# print returns nil.
let r = print("x")
print(r)
# expect: x
# expect: nil
