# Assignment without 'let' updates the variable in the enclosing scope.
let x = 1
if true {
  x = 2
}
print(x)
# expect: 2
