# An error in a module's top level propagates to the importer, with the
# module's file and line; the module is not left half-loaded.
try { import "mods/runtime_error" } catch e { print(e); print(e.trace[0]) }
import "mods/runtime_error"
# expect: cannot add int and nil
# expect: tests/lib/import/mods/runtime_error.gs:3 in <script>
# expect error: runtime_error.gs:3:11: cannot add int and nil
