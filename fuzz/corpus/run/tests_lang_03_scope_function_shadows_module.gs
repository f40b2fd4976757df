# A function's parameters and locals may shadow module names.
let name = "module"
fn f(name) { return name }
fn g() {
  let name = "local"
  return name
}
print(f("param"), g(), name)
# expect: param local module
