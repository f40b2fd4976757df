# A module runs once per program, however often and from wherever it is imported.
import "mods/loud"
import "mods/loud" as again
import "mods/uses_loud"
import "./mods/../mods/loud" as third
print(loud == again, loud == third, uses_loud.seen)
fn f() { import "mods/loud"; return loud.loads }
print(f())
# expect: loading loud
# expect: true true 1
# expect: 1
