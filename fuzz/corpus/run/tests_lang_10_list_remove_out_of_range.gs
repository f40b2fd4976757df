# remove(i) with a bad index raises and leaves the list alone.
let l = [1, 2]
try {
  l.remove(5)
  print("no error")
} catch e {
  print("error")
}
print(l)
# expect: error
# expect: [1, 2]
