# Assigning the loop variable does not change the iteration.
for i in 0..3 {
  print(i)
  i = 10
}
# expect: 0
# expect: 1
# expect: 2
