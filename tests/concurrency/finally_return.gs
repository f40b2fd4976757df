# finally runs when return leaves the try; the value returned is the one computed before it ran.
fn f() {
  let x = 1
  try {
    return x
  } finally {
    x = 2
    print("finally sees", x)
  }
}
print(f())
# expect: finally sees 2
# expect: 1
