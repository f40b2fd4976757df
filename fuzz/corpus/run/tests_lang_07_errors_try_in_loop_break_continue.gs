# break and continue work inside try.
for i in 0..6 {
  try {
    if i == 2 { continue }
    if i == 4 { break }
    print(i)
  } catch e {
    print("caught")
  }
}
print("done")
# expect: 0
# expect: 1
# expect: 3
# expect: done
