# import "path" as name binds another name; both see the same module.
import "mods/util" as u
import "mods/util"
print(u.helper("a"), u == util)
# expect: helper(a) in util true
