# error() creates an Error instance; its message is the given string.
try { error("one") } catch e { print(e.message) }
try { error("two " + str(2)) } catch e { print(e.message) }
# expect: one
# expect: two 2
