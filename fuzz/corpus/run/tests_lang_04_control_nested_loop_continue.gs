# continue applies to the innermost loop.
for i in 0..2 {
  for j in 0..3 {
    if j == 1 { continue }
    print(i, j)
  }
}
# expect: 0 0
# expect: 0 2
# expect: 1 0
# expect: 1 2
