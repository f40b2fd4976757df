# Loops nest over lists of lists.
let total = 0
for row in [[1, 2], [3, 4], []] {
  for x in row { total += x }
}
print(total)
# expect: 10
