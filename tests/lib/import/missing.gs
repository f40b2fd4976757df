# A missing module raises an error naming the path that was tried.
try { import "mods/nope" } catch e { print(e) }
import "no_such_module"
# expect: cannot find module 'mods/nope' (tried tests/lib/import/mods/nope.gs)
# expect error: missing.gs:3:1: cannot find module 'no_such_module' (tried tests/lib/import/no_such_module.gs)
