# import binds the module under its last path component; names are exports.
import "mods/util"
print(util.helper(1), util.name, type(util))
print(util.Box(5).v, util.later())
# expect: helper(1) in util util module
# expect: 5 late binding works
