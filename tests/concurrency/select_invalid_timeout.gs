# A NaN time limit is refused with "invalid timeout".
try { select([chan()], 0 / 0) } catch e { print(e.message) }
# expect: invalid timeout
