# A tiny module used by mods/throws_once.gs (also runs alone: prints nothing).
let loads = 0
# expect no output
