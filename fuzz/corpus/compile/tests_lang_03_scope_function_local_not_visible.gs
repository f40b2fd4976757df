# A function's locals are not visible outside it.
fn f() {
  let secret = 1
  return secret
}
print(secret)
# expect error: function_local_not_visible.gs:6:
# expect error: undefined variable 'secret'
