# A blocked module top level that then fails, imported by two fibers: both
# see the error (the waiting one retries the import, as any later import of
# a failed module does).
fn try_import() {
  try { import "mods/slow_fail"; return "loaded" } catch e { return "error: " + e }
}
let a = spawn try_import()
let b = spawn try_import()
print(a.join())
print(b.join())
# expect: slow_fail: start
# expect: slow_fail: start
# expect: error: slow_fail broke
# expect: error: slow_fail broke
