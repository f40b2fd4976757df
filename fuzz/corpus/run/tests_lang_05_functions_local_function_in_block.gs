# A local function declared in a block.
if true {
  fn square(x) { return x * x }
  print(square(7))
}
# expect: 49
