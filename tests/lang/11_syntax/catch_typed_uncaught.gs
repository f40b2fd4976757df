# An error no clause matches and nobody catches ends the program with its first location.
class A : Error {}
fn fail() { error("deep") }
try { fail() } catch e is A { print("no") }
# expect no output
# expect error: catch_typed_uncaught.gs:3:13: deep
