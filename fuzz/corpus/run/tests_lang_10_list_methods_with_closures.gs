# Callbacks may capture variables.
let factor = 3
let seen = []
let r = [1, 2, 3].map(fn(x) {
  seen.push(x)
  return x * factor
})
print(r, seen)
# expect: [3, 6, 9] [1, 2, 3]
