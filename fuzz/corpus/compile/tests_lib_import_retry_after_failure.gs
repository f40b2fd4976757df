# A module whose top level failed is loaded again by the next import.
try { import "mods/throws_once" } catch e { print(e) }
import "mods/throws_once"
print(throws_once.ok)
# expect: first load fails
# expect: loaded on try 2
