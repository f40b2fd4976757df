# math.random and math.seed work when stored in variables or passed around.
let r = math.random
let s = math.seed
s(11)
let a = [r(1, 100), r(1, 100)]
math.seed(11)
let b = [1, 2].map(fn(_) => math.random(1, 100))
print(a == b, str(a) == str(b))
# expect: false true
