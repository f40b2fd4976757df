# An inner block may shadow an outer name.
let x = 1
if true {
  let x = 2
  print(x)
  if true {
    let x = 3
    print(x)
  }
  print(x)
}
print(x)
# expect: 2
# expect: 3
# expect: 2
# expect: 1
