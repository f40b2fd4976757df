# Paths are relative to the importing file, not to the working directory.
import "mods/sub/deep"
print(deep.answer, deep.util_name())
import "mods/util"
print(util == deep.util)
# expect: 42 util
# expect: true
