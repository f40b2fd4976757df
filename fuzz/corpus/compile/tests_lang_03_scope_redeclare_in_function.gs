# Redeclaration inside a function body is a compile error too.
fn f() {
  let a = 1
  let a = 2
  return a
}
print("not run")
# expect error: redeclare_in_function.gs:4:
# expect no output
