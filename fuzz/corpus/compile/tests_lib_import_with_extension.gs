# The path may end in .gs; the bound name drops it.
import "mods/util.gs"
print(util.name)
# expect: util
