# return inside a loop leaves the function.
fn find(l, x) {
  for i, v in l {
    if v == x { return i }
  }
  return -1
}
print(find([5, 6, 7], 7), find([5, 6, 7], 9))
# expect: 2 -1
