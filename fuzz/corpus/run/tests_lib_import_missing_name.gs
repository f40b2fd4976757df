# Reading a name the module does not define raises.
import "mods/util"
try { print(util.nope) } catch e { print(e) }
try { util.nope = 1 } catch e { print(e) }
# expect: module 'util' has no variable 'nope'
# expect: module 'util' has no variable 'nope'
