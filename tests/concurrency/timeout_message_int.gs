# The message prints the seconds as str() does: an int stays an int.
try { timeout(0, fn() { sleep(1) }) } catch e { print(e.message) }
# expect: timed out after 0 s
