# A function without return, or with a bare return, returns nil.
fn f() { let x = 1 }
fn g() { return }
fn h() {
  return
}
fn k(x) {
  if x { return }
  return 1
}
print(f(), g(), h(), k(true), k(false))
# expect: nil nil nil nil 1
