# clock() returns CPU seconds as a float, never decreasing.
let t = clock()
let s = 0
for i in 0..10000 { s += i }
let t2 = clock()
print(type(t), t2 >= t, t >= 0)
# expect: float true true
