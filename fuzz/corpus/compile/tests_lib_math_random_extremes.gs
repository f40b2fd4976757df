# The full int range works and stays an int; huge spans do not overflow.
let min = -9223372036854775807 - 1
let max = 9223372036854775807
let ok = true
for i in 0..1000 {
  let a = math.random(min, max)
  let b = math.random(max - 1, max)
  let c = math.random(min, min + 1)
  if type(a) != "int" or b < max - 1 or c > min + 1 { ok = false }
}
print(ok)
# expect: true
