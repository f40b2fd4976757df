# An import cycle raises an error showing the chain.
try { import "mods/cyc_a" } catch e { print(e) }
try { import "mods/cyc_b" } catch e { print(e) }
# expect: import cycle: tests/lib/import/mods/cyc_a.gs -> tests/lib/import/mods/cyc_b.gs -> tests/lib/import/mods/cyc_a.gs
# expect: import cycle: tests/lib/import/mods/cyc_b.gs -> tests/lib/import/mods/cyc_a.gs -> tests/lib/import/mods/cyc_b.gs
