# finally runs when the try block ends normally, with or without catch.
try { print("body") } finally { print("finally") }
try { print("body2") } catch e { print("no") } finally { print("finally2") }
print("after")
# expect: body
# expect: finally
# expect: body2
# expect: finally2
# expect: after
