# Yield anywhere: the body of a for-in over a generator yields in a scheduled fiber (an iterator mid-loop).
fn gen(tag) { return fiber(fn() { for i in 0..2 { yield "${tag}${i}" } }) }
let out = []
let a = spawn { for v in gen("a") { out.push(v); yield } }
let b = spawn { for v in gen("b") { out.push(v); yield } }
a.join()
b.join()
print(out)
# expect: ["a0", "b0", "a1", "b1"]
