# A 'let' in a loop body is a fresh declaration each iteration, not a redeclaration.
let i = 0
while i < 3 {
  let x = i * 2
  print(x)
  i += 1
}
# expect: 0
# expect: 2
# expect: 4
