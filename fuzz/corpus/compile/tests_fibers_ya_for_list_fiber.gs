# Yield anywhere: two scheduled fibers yield inside for loops over lists and interleave.
let out = []
let a = spawn { for x in ["a1", "a2", "a3"] { out.push(x); yield } }
let b = spawn { for k, v in {"b1": 1, "b2": 2} { out.push(k); yield } }
a.join()
b.join()
print(out)
# expect: ["a1", "b1", "a2", "b2", "a3"]
