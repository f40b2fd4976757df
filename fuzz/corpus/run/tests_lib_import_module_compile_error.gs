# A module that does not compile raises file:line:col: message at the import.
try { import "mods/compile_error" } catch e { print(e) }
# expect: tests/lib/import/mods/compile_error.gs:3:7: undefined variable 'undefined_name_here'
