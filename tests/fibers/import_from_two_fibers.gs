# A module whose top level blocks is imported by two fibers at once: the
# second waits for the first to finish it (no false "import cycle"), the
# top level runs once, and both get the same module.
let a = spawn { import "mods/slow_init"; return slow_init.value }
let b = spawn { import "mods/slow_init" as s; return s.value + 1 }
print(a.join(), b.join())
import "mods/slow_init"
print(slow_init.value)
# expect: slow_init: start
# expect: slow_init: done
# expect: 42 43
# expect: 42
