# Module variables are live: reads see later assignments, inside and outside.
import "mods/util"
print(util.counter)
util.bump()
util.bump()
print(util.counter, util.get())
util.counter = 10
print(util.get(), util.bump())
let c = util.counter
util.bump()
print(c, util.counter)
# expect: 0
# expect: 2 2
# expect: 10 11
# expect: 11 12
