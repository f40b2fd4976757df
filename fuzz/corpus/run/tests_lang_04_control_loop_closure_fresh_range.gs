# Each iteration binds a fresh loop variable; closures keep their own.
let fs = []
for i in 0..3 { fs.push(fn() => i) }
for f in fs { print(f()) }
# expect: 0
# expect: 1
# expect: 2
