# Captures through several levels of nesting.
fn a() {
  let x = 1
  fn b() {
    fn c() {
      x += 1
      return x
    }
    return c
  }
  return b()
}
let c = a()
print(c(), c())
# expect: 2 3
