# Loop variables are new bindings local to the loop.
let i = 100
for i in 0..3 { }
print(i)
let v = "outer"
for v in ["a", "b"] { }
print(v)
# expect: 100
# expect: outer
