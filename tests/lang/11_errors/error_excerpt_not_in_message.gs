# The excerpt goes to stderr only: e.message stays the bare message.
try { [][0] } catch e { print(e.message) }
print(str(Error("plain")))
# expect: index out of range
# expect: plain
