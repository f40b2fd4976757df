# A local variable may shadow a builtin name.
fn f() {
  let len = 99
  return len
}
print(f(), len("abc"))
# expect: 99 3
