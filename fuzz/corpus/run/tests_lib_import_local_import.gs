# import inside a function binds a local name.
fn get() {
  import "mods/util" as m
  return m.helper("local")
}
print(get())
# expect: helper(local) in util
