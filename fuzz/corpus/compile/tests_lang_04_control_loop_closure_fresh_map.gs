# Fresh loop variables for 'for k, v in map' too.
let fs = []
for k, v in {"x": 1, "y": 2} { fs.push(fn() => [k, v]) }
print(fs[0](), fs[1]())
# expect: ["x", 1] ["y", 2]
