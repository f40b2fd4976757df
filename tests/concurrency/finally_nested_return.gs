# A return through nested try blocks runs every finally, innermost first.
fn f() {
  try {
    try {
      try { return "value" } catch e { print("not run") }
    } finally { print("inner finally") }
  } finally { print("outer finally") }
}
print(f())
# expect: inner finally
# expect: outer finally
# expect: value
