# Fresh loop variables for 'for i, v in list' too.
let fs = []
for i, v in ["a", "b"] { fs.push(fn() => "${i}${v}") }
print(fs[0](), fs[1]())
# expect: 0a 1b
