# Conditions may combine and/or/not.
let a = 0
let b = 10
while a < 5 and not (b < 7) {
  a += 1
  b -= 1
}
print(a, b)
# expect: 4 6
