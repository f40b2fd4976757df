# A module importing the main script while it runs is a cycle too.
try { import "mods/imports_main" } catch e { print(e) }
# expect: import cycle: tests/lib/import/self_cycle.gs -> tests/lib/import/mods/imports_main.gs -> tests/lib/import/self_cycle.gs
