# A channel prints as <channel>; type() of fibers and channels.
let ch = chan()
let b = chan(4)
print(ch, b)
print(str(ch), "${b}", [ch])
print(type(ch), type(b), type(spawn {}), type(fiber(fn() {})))
# expect: <channel> <channel>
# expect: <channel> <channel> [<channel>]
# expect: channel channel fiber fiber
