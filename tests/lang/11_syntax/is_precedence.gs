# `is` binds like the comparisons: looser than `+`, tighter than `not` and `and`.
class A {}
let a = A()
print(not a is A, a is A and true, a is A == true)
# expect: false true true
