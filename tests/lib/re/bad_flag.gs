# An unknown flag raises a value error naming it.
try { re.compile("a", "q") } catch e { print(e.message, e.kind) }
# expect: re.compile: unknown flag 'q' (flags are i m s x u) value
