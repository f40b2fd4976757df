# A 'let' in a loop body is fresh each iteration.
let fs = []
let i = 0
while i < 3 {
  let j = i * 10
  fs.push(fn() => j)
  i += 1
}
print(fs[0](), fs[1](), fs[2]())
# expect: 0 10 20
